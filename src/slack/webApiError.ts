/** Slack's error code of a failed Web API call (`expired_trigger_id`), else the client's (`slack_webapi_request_error`), else "error". */
export const codeOf = (error: unknown): string => (error as { data?: { error?: string } }).data?.error ?? (error as { code?: string }).code ?? 'error';
