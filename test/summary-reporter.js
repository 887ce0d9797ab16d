/**
 * Jest reporter that writes the run's totals to .jest-results.json, so .ci/run can print
 * `N passed, N failed` without parsing jest's human summary.
 */
const fs = require('fs');
const path = require('path');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
    };
    fs.writeFileSync(path.join(__dirname, '..', '.jest-results.json'), JSON.stringify(summary) + '\n');
  }
}

module.exports = SummaryReporter;
