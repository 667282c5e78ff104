/**
 * npm run bench:outreach — issue 11's figures in one run, each beside its own same-run baseline:
 * reply links (first load of the invitee's page, 200 concurrent answers), the WhatsApp walk-through for 1,000
 * invitations, and 500 emails through a local SMTP server. BENCH_DATABASE_URL = a real server; unset = PGlite.
 */
import { runEmailBench } from './outreach-email.js';
import { runReplyBench } from './outreach-replies.js';
import { runWhatsAppBench } from './outreach-whatsapp.js';

await runReplyBench();
await runWhatsAppBench();
await runEmailBench();
