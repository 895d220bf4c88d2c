/**
 * Drafting replies to customer tickets: the asks of a ticket identified, each answered from the
 * customer-safe documents the agent may read, the reply assembled from templates with every
 * sentence cited and verified, stored, and sent only after a person approves it (four eyes when
 * configured); feedback on drafts and answers, and the content gaps it reveals.
 */
package io.groundwork.draft;
