namespace EfficiencyMisnomer.TestAdapter.Tests;

/// <summary>The test parameters that ask for recording baselines and for strict regression verdicts.</summary>
public sealed class BaselineSettingsTests
{
    [Test]
    public void Recording_and_strictness_are_off_unless_asked_for()
    {
        var (settings, problems) = EfficiencySettings.Read(_ => null);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(settings.UpdateBaseline, Is.False, "nothing writes a baseline unless asked");
            Assert.That(settings.StrictRegression, Is.False);
        });
    }

    [Test]
    public void Update_baseline_and_strict_are_read()
    {
        var values = new Dictionary<string, string> { ["efficiency.updateBaseline"] = "true", ["efficiency.strict"] = "True", ["efficiency.runBenchmarks"] = "true" };
        var (settings, problems) = EfficiencySettings.Read(values.GetValueOrDefault);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty);
            Assert.That(settings.UpdateBaseline, Is.True);
            Assert.That(settings.StrictRegression, Is.True);
            Assert.That(settings.RunBenchmarks, Is.True);
            Assert.That(EfficiencySettings.Default.RunBenchmarks, Is.False, "tests read the results a pipeline wrote unless asked");
        });
    }

    [Test]
    public void Unreadable_values_are_coded_problems()
    {
        var values = new Dictionary<string, string> { ["efficiency.updateBaseline"] = "please", ["efficiency.strict"] = "1", ["efficiency.runBenchmarks"] = "yes" };
        var (_, problems) = EfficiencySettings.Read(values.GetValueOrDefault);
        Assert.Multiple(() =>
        {
            Assert.That(problems.Select(p => p.Code), Is.EqualTo(new[] { "EM3202", "EM3202", "EM3202" }));
            Assert.That(problems[0].Message, Does.Contain("efficiency.updateBaseline = 'please'"));
        });
    }
}
