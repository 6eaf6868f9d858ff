import { describe, expect, it } from 'vitest';
import { contractFailuresIn, failuresIn } from '../support/schemathesis-report.js';

const AWS_TARGET = 'POST /#X-Amz-Target=com.amazonaws.codestar.connections.CodeStar_connections_20191201.CreateConnection';

describe("reading schemathesis' reports", () => {
  it('names the operation of each failure, under a ruled heading or a bare one wider than the report', () => {
    const report = [
      ' ❌  Fuzzing (in 0.81s)',
      '- ST999 not yet a failure: before the report of failures',
      '=================================== FAILURES ===================================',
      '_________________________________ GET /pets/{id} _________________________________',
      '1. Test Case ID: Ab12',
      '- ST101 Server error',
      `${' '}${AWS_TARGET} `,
      '1. Test Case ID: Q8igZL',
      '- ST101 Server error',
      '- ST202 Schema-valid request rejected',
      '________________________________ Stateful tests ________________________________',
      '- ST108 Use after free',
      '=================================== SUMMARY ====================================',
      '- ST300 after the summary',
    ].join('\n');
    expect(failuresIn(report)).toEqual(['unattributed ST999', 'GET /pets/{id} ST101', `${AWS_TARGET} ST101`, `${AWS_TARGET} ST202`, 'Stateful ST108']);
  });

  it("names the operation of each of the contract test's failures, however short its heading's rules", () => {
    const report = [
      '_ test_operation_conforms[POST /#X-Amz-Target=Service.CreateThing] _',
      '  | - ST101 Server error',
      '____________ test_operation_conforms[GET /pets] ____________',
      '    | - ST202 Schema-valid request rejected',
      '=========================== short test summary info ============================',
      '  | - ST303 repeated in the summary',
    ].join('\n');
    expect(contractFailuresIn(report)).toEqual(['POST /#X-Amz-Target=Service.CreateThing ST101', 'GET /pets ST202']);
  });
});
