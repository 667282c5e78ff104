import type { FastifyReply } from 'fastify';
import { toCsv } from './csv.js';
import type { Sheet, SpreadsheetFormat } from './table.js';
import { toXlsx } from './xlsx.js';

const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Sends one sheet as a file download. The ASCII filename is for old clients; filename* carries the Arabic one
 * (RFC 6266 / 5987). Exports are personal data: never cached.
 */
export async function sendSpreadsheet(
  reply: FastifyReply,
  format: SpreadsheetFormat,
  baseName: string,
  sheets: Sheet[],
): Promise<FastifyReply> {
  const body = format === 'csv' ? toCsv(sheets[0]) : await toXlsx(sheets);
  const asciiName = baseName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
  return reply
    .header('content-type', CONTENT_TYPES[format])
    .header(
      'content-disposition',
      `attachment; filename="${asciiName}.${format}"; filename*=UTF-8''${encodeURIComponent(baseName)}.${format}`,
    )
    .header('cache-control', 'no-store')
    .send(body);
}
