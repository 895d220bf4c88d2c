// Feedback on the answer shown on the Ask page (helpful, wrong source, missing information,
// outdated): POST /api/answers/{auditId}/feedback, which accepts it only from whoever asked.
import { api, showError } from '/workspace.js';

const form = document.getElementById('answer-feedback-form');
const status = document.getElementById('answer-feedback-status');

form.addEventListener('submit', async event => {
  event.preventDefault();
  const auditId = document.getElementById('result').dataset.auditId;
  if (!auditId) return;
  try {
    const result = await api('/api/answers/' + encodeURIComponent(auditId) + '/feedback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        rating: document.getElementById('answer-rating').value,
        comment: document.getElementById('answer-comment').value
      })
    });
    status.textContent = 'Thank you - feedback recorded (audit record ' + result.auditId + ')';
    document.getElementById('answer-comment').value = '';
  } catch (error) {
    showError(error);
  }
});
