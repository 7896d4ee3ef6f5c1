// The TypeScript client generated from the spec (typescript-fetch, on Node's built-in fetch) against the real
// server: the packaged jar in a process of its own, on a free port and a fresh H2 database, with a demo
// organization whose API key this test chose. Run by polyglot/pom.xml after the server is packaged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    ApiErrorFromJSON,
    Configuration,
    Incident,
    IncidentsApi,
    IncidentStatus,
    ResponseError,
    Severity,
    WebhooksApi,
} from '../../../target/clients/typescript';
import { Webhook } from 'standardwebhooks';

// Generous: on a busy two-core machine the JVM alone can take a minute to start.
const STARTUP_TIMEOUT_MS = 180_000;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

let server: ChildProcess | undefined;
let dataDir: string;
let logFile: string;
let incidents: IncidentsApi;
let webhooks: WebhooksApi;

before(async () => {
    const jar = process.env.SCALING_SERVER_JAR;
    assert.ok(jar, 'SCALING_SERVER_JAR must name the packaged server jar (polyglot/pom.xml sets it)');
    dataDir = mkdtempSync(join(tmpdir(), 'scaling-ts-smoke-'));
    logFile = join(dataDir, 'server.log');
    const port = await freePort();
    const apiKey = 'scl_live_' + Array.from({ length: 32 }, () => BASE62[randomInt(BASE62.length)]).join('');
    const log = openSync(logFile, 'w');
    server = spawn(process.env.JAVA_BIN ?? 'java', ['-jar', jar], {
        cwd: dataDir,
        stdio: ['ignore', log, log],
        env: {
            ...process.env,
            MICRONAUT_SERVER_PORT: String(port),
            // Deliveries within a fraction of a second, for the webhook test.
            SCALING_WEBHOOKS_POLL_INTERVAL: '200ms',
            SCALING_DEMO_API_KEY: apiKey,
            SCALING_DB_URL: `jdbc:h2:file:${join(dataDir, 'db')};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;`
                + 'DEFAULT_NULL_ORDERING=HIGH',
        },
    });
    const basePath = `http://localhost:${port}`;
    await awaitHealthy(basePath);
    incidents = new IncidentsApi(new Configuration({ basePath, accessToken: apiKey }));
    webhooks = new WebhooksApi(new Configuration({ basePath, accessToken: apiKey }));
});

after(async () => {
    if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server!.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
});

test('creates incidents, lists them page by page with the cursor, gets one, and reads a 404 as an ApiError', async () => {
    const created: Incident[] = [];
    for (const title of ['Checkout errors', 'Search latency', 'Login failures']) {
        const response = await incidents.createIncident({
            incidentCreate: { title, severity: Severity.High, description: null },
        });
        assert.equal(response.data.title, title);
        assert.equal(response.data.status, IncidentStatus.Investigating);
        assert.ok(response.data.createdAt instanceof Date, 'date-time fields arrive as Dates');
        created.push(response.data);
    }

    // Two per page: three incidents need two pages, and the second is reached only through nextCursor.
    const listed: string[] = [];
    let pages = 0;
    let cursor: string | undefined;
    do {
        const page = (await incidents.listIncidents({ limit: 2, cursor })).data;
        pages++;
        assert.ok(page.incidents.length <= 2);
        listed.push(...page.incidents.map((incident) => incident.id));
        cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages < 10);
    assert.equal(pages, 2);
    assert.deepEqual([...listed].sort(), created.map((incident) => incident.id).sort());

    const detail = (await incidents.getIncident({ id: created[1].id })).data;
    assert.equal(detail.id, created[1].id);
    assert.equal(detail.title, 'Search latency');
    assert.equal(detail.description, null);
    assert.deepEqual(detail.statusHistory.map((entry) => entry.status), [IncidentStatus.Investigating]);

    const missing = randomUUID();
    const failure = await incidents.getIncident({ id: missing }).then(
        () => assert.fail(`GET /v1/incidents/${missing} answered 2xx`),
        (error: unknown) => error);
    assert.ok(failure instanceof ResponseError, `expected a ResponseError, got ${failure}`);
    assert.equal(failure.response.status, 404);
    const body = ApiErrorFromJSON(await failure.response.json());
    assert.equal(body.statusCode, 404);
    assert.equal(body.type, 'invalid_request_error');
    assert.equal(body.code, 'not_found');
    assert.equal(body.requestId, failure.response.headers.get('X-Request-Id'));
});

// Standard Webhooks' reference library (npm standardwebhooks) as a receiver would use it, holding one secret.
test('after a rotation, receivers verifying with the previous secret and with the new one both accept', async () => {
    const received: { body: string; headers: Record<string, string> }[] = [];
    const receiver = createHttpServer((request: IncomingMessage, response) => {
        let body = '';
        request.on('data', (chunk) => (body += chunk));
        request.on('end', () => {
            received.push({ body, headers: request.headers as Record<string, string> });
            response.writeHead(204).end();
        });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
        const address = receiver.address();
        assert.ok(typeof address === 'object' && address !== null);
        const created = (await webhooks.createWebhookEndpoint({
            webhookEndpointInput: { url: `http://127.0.0.1:${address.port}/hook`, eventTypes: [] },
        })).data;
        const rotated = (await webhooks.rotateWebhookSecret({ endpointId: created.id })).data;
        assert.ok(rotated.previousSecretExpiresAt instanceof Date, 'the window is shown');

        await incidents.createIncident({ incidentCreate: { title: 'Rotated', severity: Severity.Low } });
        const during = await next(received, 1);
        assert.ok(new Webhook(created.secret).verify(during.body, during.headers), 'the previous secret verifies');
        assert.ok(new Webhook(rotated.secret).verify(during.body, during.headers), 'the new secret verifies');

        const retired = (await webhooks.retireWebhookPreviousSecret({ endpointId: created.id })).data;
        assert.ok(retired.previousSecretExpiresAt == null, 'the window is over');
        await incidents.createIncident({ incidentCreate: { title: 'Retired', severity: Severity.Low } });
        const after = await next(received, 2);
        assert.ok(new Webhook(rotated.secret).verify(after.body, after.headers));
        assert.throws(() => new Webhook(created.secret).verify(after.body, after.headers), 'the previous secret no more');
    } finally {
        await new Promise((resolve) => receiver.close(resolve));
    }
});

/** The {@code count}th request the receiver got, waiting up to half a minute for it. */
async function next<T>(received: T[], count: number): Promise<T> {
    for (let waited = 0; received.length < count; waited += 50) {
        assert.ok(waited < 30_000, `no delivery ${count} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return received[count - 1];
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const probe = createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const address = probe.address();
            probe.close(() => typeof address === 'object' && address !== null
                ? resolve(address.port) : reject(new Error('no port')));
        });
    });
}

async function awaitHealthy(basePath: string): Promise<void> {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    while (Date.now() < deadline) {
        if (server!.exitCode !== null) {
            throw new Error(`The server exited with ${server!.exitCode}:\n${readFileSync(logFile, 'utf8')}`);
        }
        try {
            if ((await fetch(`${basePath}/health`, { signal: AbortSignal.timeout(2_000) })).status === 200) {
                return;
            }
        } catch {
            // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`The server did not become healthy in ${STARTUP_TIMEOUT_MS} ms:\n${readFileSync(logFile, 'utf8')}`);
}
