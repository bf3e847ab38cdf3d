// Real browsers start in 0.5–4 s on these machines; give each test room without asserting time.
jest.setTimeout(60_000);
