/**
 * Scripted "models" for tests: a script looks at the conversation so far (the last user message and the tool
 * results since) and answers with text or tool calls. The same scripts drive the AI SDK mock model (unit tests)
 * and the fake OpenAI-compatible HTTP server (integration and end-to-end tests).
 */
export type ToolResult = { name: string; output: unknown };
export type Turn = { userText: string; results: ToolResult[] };
export type Reply = { text?: string; toolCalls?: { name: string; input: unknown }[] };
export type Script = (turn: Turn) => Reply;

/** The output of the latest call of `name` in this turn, if any. */
export const lastResult = (turn: Turn, name: string): unknown =>
  turn.results.filter((r) => r.name === name).at(-1)?.output;

/** The registration request: a User entity with a validated email login and a password, and JWT auth on it. */
export const REGISTRATION_OPERATIONS = [
  { op: 'addEntity', id: 'ent_user', name: 'User', position: { x: 80, y: 80 }, timestamps: true },
  {
    op: 'addField',
    entityId: 'ent_user',
    field: { id: 'fld_user_email', name: 'email', type: 'email', unique: true, indexed: true },
  },
  {
    op: 'addField',
    entityId: 'ent_user',
    field: {
      id: 'fld_user_password',
      name: 'password',
      type: 'password',
      constraints: { minLength: 8, maxLength: 128 },
    },
  },
  {
    op: 'setAuth',
    auth: {
      userEntityId: 'ent_user',
      loginFieldId: 'fld_user_email',
      passwordFieldId: 'fld_user_password',
      tokenLifetimeMinutes: 60,
    },
  },
];

/** read -> apply -> check -> summary, as a model that gets it right the first time would. */
export const registrationScript: Script = (turn) => {
  const n = turn.results.length;
  if (n === 0)
    return { text: 'Let me look at the design first.', toolCalls: [{ name: 'readDesign', input: {} }] };
  const last = turn.results.at(-1);
  if (last?.name === 'readDesign')
    return { toolCalls: [{ name: 'applyOperations', input: { operations: REGISTRATION_OPERATIONS } }] };
  if (last?.name === 'applyOperations') return { toolCalls: [{ name: 'checkDesign', input: {} }] };
  return {
    text:
      'I added a User entity with a unique, validated email and a password of at least 8 characters, and set up ' +
      'JWT authentication on it: POST /auth/register validates both and returns 201, POST /auth/login issues a ' +
      'token, GET /auth/me returns the signed-in user.',
  };
};
