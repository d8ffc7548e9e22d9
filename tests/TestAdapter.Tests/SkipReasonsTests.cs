using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>The reasons of skipped generated tests, said once after them at every verbosity of <c>dotnet test</c>.</summary>
public sealed class SkipReasonsTests
{
    [Test]
    public void Each_skipped_test_of_the_run_is_named_with_its_reason_and_others_are_not()
    {
        var suite = Suite(
            Result("sample/tiny/static", ResultState.Success, ""),
            Result("sample/tiny/gpu", ResultState.Ignored, "profile 'gpu' needs provider cuda; this run uses cpu"),
            Result("sample/tiny/cpu", ResultState.Failure, "latency.p50 over budget"),
            Result("sample/tiny/elsewhere", ResultState.Skipped, "  cpu 'NoSuchCpu 9000*' does not match AMD EPYC  "));

        var text = SkipReasons.Text(suite);

        Assert.That(text, Is.EqualTo(
            "2 efficiency test(s) skipped:" + Environment.NewLine +
            "  sample/tiny/gpu: profile 'gpu' needs provider cuda; this run uses cpu" + Environment.NewLine +
            "  sample/tiny/elsewhere: cpu 'NoSuchCpu 9000*' does not match AMD EPYC"));
    }

    [Test]
    public void Nothing_is_said_when_nothing_was_skipped() =>
        Assert.That(SkipReasons.Text(Suite(Result("sample/tiny/static", ResultState.Success, ""))), Is.Null);

    [Test]
    public void A_skip_without_a_message_says_so() =>
        Assert.That(SkipReasons.Text(Suite(Result("sample/tiny/gpu", ResultState.Ignored, ""))), Does.EndWith("sample/tiny/gpu: no reason given"));

    private static TestSuiteResult Suite(params TestResult[] children)
    {
        var suite = (TestSuiteResult)new TestSuite("Budgets").MakeTestResult();
        foreach (var child in children)
        {
            suite.AddResult(child);
        }

        return suite;
    }

    private static TestResult Result(string name, ResultState state, string message)
    {
        var test = new TestMethod(new MethodWrapper(typeof(SkipReasonsTests), nameof(Nothing_is_said_when_nothing_was_skipped))) { Name = name };
        var result = test.MakeTestResult();
        result.SetResult(state, message);
        return result;
    }
}
