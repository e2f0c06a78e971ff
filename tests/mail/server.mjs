// A real SMTP server on loopback for the mail tests: STARTTLS with the test
// certificates, AUTH PLAIN/LOGIN, and every message received parsed with
// mailparser and written as one JSON line to --out. Faults are chosen by
// the recipient, so one batch can meet several:
//   reject@…     550 for that recipient (permanent)
//   later@…      451 the first time, accepted the next (transient)
//   drop@…       the connection is cut after the message's data arrived,
//                before the server answers (the sender cannot know)
//   slow@…       the answer to the data waits 3 s
// and by the login: user "app-password" gets Gmail's 534 "application-
// specific password required"; a wrong password gets 535.
//
//   node tests/mail/server.mjs --out FILE [--port N] [--user U --pass P]
// Prints "READY <port>" once listening.
import { appendFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const out = args.out;
if (!out) {
  console.error('usage: server.mjs --out FILE [--port N] [--user U --pass P]');
  process.exit(2);
}
const user = args.user ?? 'shop@example.com';
const pass = args.pass ?? 'app-password-1234';
const certs = join(dirname(fileURLToPath(import.meta.url)), 'certs');
const seen = new Map();
const firstTime = (key) => {
  const n = seen.get(key) ?? 0;
  seen.set(key, n + 1);
  return n === 0;
};

const server = new SMTPServer({
  secure: false,
  key: readFileSync(join(certs, 'server.key')),
  cert: readFileSync(join(certs, 'server.pem')),
  authMethods: ['PLAIN', 'LOGIN'],
  allowInsecureAuth: false,
  size: 10 * 1024 * 1024,
  logger: false,
  onAuth(auth, _session, cb) {
    if (auth.username === 'app-password') {
      const e = new Error('5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor');
      e.responseCode = 534;
      return cb(e);
    }
    if (auth.username === user && auth.password === pass) return cb(null, { user });
    const e = new Error('5.7.8 Username and Password not accepted');
    e.responseCode = 535;
    return cb(e);
  },
  onRcptTo(address, _session, cb) {
    const to = address.address.toLowerCase();
    if (to.startsWith('reject@')) {
      const e = new Error('5.1.1 The email account that you tried to reach does not exist');
      e.responseCode = 550;
      return cb(e);
    }
    if (to.startsWith('later@') && firstTime(`rcpt:${to}`)) {
      const e = new Error('4.7.1 Try again later');
      e.responseCode = 451;
      return cb(e);
    }
    return cb();
  },
  onData(stream, session, cb) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      if (to.some((a) => a.startsWith('drop@')) && firstTime(`drop:${to}`)) {
        for (const c of server.connections) if (c.session?.id === session.id) c._socket.destroy();
        return;
      }
      const mail = await simpleParser(raw);
      appendFileSync(
        out,
        JSON.stringify({
          envelopeFrom: session.envelope.mailFrom.address,
          envelopeTo: to,
          user: session.user,
          secure: session.secure,
          from: mail.from?.text,
          to: mail.to?.text,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          listUnsubscribe: mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? null,
          contentType: mail.headers.get('content-type')?.value,
        }) + '\n',
      );
      const done = () => cb(null, 'Message queued');
      if (to.some((a) => a.startsWith('slow@'))) setTimeout(done, 3000);
      else done();
    });
  },
});
server.on('error', (e) => console.error('smtp test server:', e.message));
server.listen(Number(args.port ?? 0), '127.0.0.1', () => {
  console.log(`READY ${server.server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
