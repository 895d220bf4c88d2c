// Drives Groundwork's OpenAI-compatible API with the official openai package, as a chat front end
// or script would. Exits 0 when every check holds; prints what it saw either way.
// Environment: GW_BASE_URL (e.g. http://127.0.0.1:8081/v1), GW_TOKEN (a user outside the group of
// GW_CONFIDENTIAL_PATH), GW_INSIDER_TOKEN (a user inside it), GW_QUESTION, GW_FACT,
// GW_FOLLOW_UP, GW_FOLLOW_UP_FACT, GW_CONFIDENTIAL_QUESTION, GW_CONFIDENTIAL_PATH.
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const env = name => {
  const value = process.env[name];
  if (!value) throw new Error('set ' + name);
  return value;
};

const baseURL = env('GW_BASE_URL');
const client = new OpenAI({ baseURL, apiKey: env('GW_TOKEN'), maxRetries: 0 });

const models = await client.models.list();
assert.deepEqual(models.data.map(m => m.id), ['groundwork']);

const question = env('GW_QUESTION');
const answer = await client.chat.completions.create({
  model: 'groundwork',
  messages: [{ role: 'user', content: question }],
});
const content = answer.choices[0].message.content;
assert.ok(content.includes(env('GW_FACT')), 'answer holds the fact: ' + content);
assert.match(content, /\[1\]/);
assert.ok(answer.citations.length > 0, 'citations field present');
assert.ok(answer.citations[0].path && answer.citations[0].quote && answer.citations[0].url);

// A streamed follow-up: the SDK's stream gives the content deltas; the last chunk the citations.
const stream = await client.chat.completions.create({
  model: 'groundwork',
  stream: true,
  messages: [
    { role: 'user', content: question },
    { role: 'assistant', content },
    { role: 'user', content: env('GW_FOLLOW_UP') },
  ],
});
let streamed = '';
let last;
for await (const chunk of stream) {
  streamed += chunk.choices[0]?.delta?.content ?? '';
  last = chunk;
}
assert.ok(streamed.includes(env('GW_FOLLOW_UP_FACT')), 'follow-up answered: ' + streamed);
assert.equal(last.choices[0].finish_reason, 'stop');
assert.ok(last.citations.length > 0, 'last chunk carries citations');

// A wrong token is a 401 the SDK raises as AuthenticationError.
const stranger = new OpenAI({ baseURL, apiKey: 'gwp_' + 'C'.repeat(43), maxRetries: 0 });
await assert.rejects(stranger.models.list(), error => {
  assert.ok(error instanceof OpenAI.AuthenticationError, String(error));
  assert.equal(error.status, 401);
  return true;
});

// Someone outside the group never gets a confidential citation; someone inside does.
const confidential = { model: 'groundwork', messages: [{ role: 'user', content: env('GW_CONFIDENTIAL_QUESTION') }] };
const outside = await client.chat.completions.create(confidential);
assert.ok(!outside.citations.some(c => c.path === env('GW_CONFIDENTIAL_PATH')), 'no leak');
const insider = new OpenAI({ baseURL, apiKey: env('GW_INSIDER_TOKEN'), maxRetries: 0 });
const inside = await insider.chat.completions.create(confidential);
assert.ok(inside.citations.some(c => c.path === env('GW_CONFIDENTIAL_PATH')), 'insider sees it');

console.log(JSON.stringify({ ok: true, answer: content, followUp: streamed, citations: answer.citations.length }));
