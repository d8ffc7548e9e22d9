using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>
/// Runs a test body in an isolated NUnit context, so that the failures and warnings it records are inspected
/// instead of becoming the outcome of the test that runs it.
/// </summary>
internal static class IsolatedOutcome
{
    /// <summary>The worst assertion <paramref name="body"/> recorded: a failure before a warning; a pass if none.</summary>
    public static AssertionResult Of(Action body) => All(body) is { Count: > 0 } recorded ? recorded[0] : new AssertionResult(AssertionStatus.Passed, string.Empty, null);

    /// <summary>Every assertion <paramref name="body"/> recorded, failures first.</summary>
    public static IReadOnlyList<AssertionResult> All(Action body)
    {
        using (new TestExecutionContext.IsolatedContext())
        {
            try
            {
                body();
            }
            catch (ResultStateException)
            {
                // The failure is recorded in the isolated result; the exception only ends the body.
            }

            return TestExecutionContext.CurrentContext.CurrentResult.AssertionResults
                .OrderBy(r => r.Status == AssertionStatus.Failed ? 0 : 1).ToList();
        }
    }
}
