/**
 * A reply token opens an invitation, so it must not sit in log files: the paths that carry one (the invitee's page
 * /r/<token> and the public API /api/rsvp/<token>…) are logged with the token replaced.
 */
const TOKEN_IN_PATH = /^(\/r\/|\/api\/rsvp\/)[^/]+/;

export const maskReplyTokens = (path: string) => path.replace(TOKEN_IN_PATH, '$1:token');
