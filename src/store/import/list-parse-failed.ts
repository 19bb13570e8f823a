import { VigilError, describeLocation, type ErrorDetails, type InvalidRecord } from '../../domain/index.js';

/** The error that rejects a whole import because of one record. */
export function listParseFailed(issue: InvalidRecord): VigilError {
  const details: ErrorDetails = { file: issue.file, line: issue.line };
  if (issue.record !== undefined) details.record = issue.record;
  if (issue.field !== undefined) details.field = issue.field;
  return new VigilError('LIST_PARSE_FAILED', `${describeLocation(details)}: ${issue.message}`, details);
}
