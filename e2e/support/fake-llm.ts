/**
 * The OpenAI-compatible test server the end-to-end app talks to (started by playwright.config.ts): the
 * registration request gets the scripted registration change; anything else a plain answer.
 */
import { startFakeOpenAI } from '../../lib/agent/testing/fake-openai-server';
import { registrationScript, type Script } from '../../lib/agent/testing/script';

const script: Script = (turn) =>
  /registration/i.test(turn.userText)
    ? registrationScript(turn)
    : { text: 'I am the test model: ask me for user registration.' };

const port = Number(process.env.FAKE_LLM_PORT ?? 3199);
const server = await startFakeOpenAI({ script, port, apiKey: 'e2e-key' });
console.log(`fake OpenAI-compatible server on ${server.url}`);
