using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>What a test does under <c>efficiency.updateBaseline=true</c>: records its results into the spec's baseline and says so.</summary>
internal static class BaselineRecording
{
    public const string Notice = "efficiency.updateBaseline is true: recording this test's results into the spec's baseline instead of comparing with it";

    public static void Record(EfficiencyResults document)
    {
        TestContext.Out.WriteLine(Notice);
        foreach (var recorded in BaselineRecorder.Record(document))
        {
            TestContext.Out.WriteLine(recorded.ToString());
        }
    }
}
