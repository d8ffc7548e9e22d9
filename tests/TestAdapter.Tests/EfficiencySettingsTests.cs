using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.TestAdapter.Tests;

public sealed class EfficiencySettingsTests
{
    [Test]
    public void Reads_every_parameter()
    {
        var values = new Dictionary<string, string>
        {
            ["efficiency.profile"] = "ci-cpu",
            ["efficiency.provider"] = "CPU",
            ["efficiency.requireCuda"] = "true",
            ["efficiency.results"] = "out",
            ["efficiency.timeCap"] = "1.5",
        };

        var (settings, problems) = EfficiencySettings.Read(values.GetValueOrDefault);

        Assert.That(problems, Is.Empty);
        Assert.That(settings, Is.EqualTo(new EfficiencySettings("ci-cpu", ProviderRequest.Cpu, true, "out", TimeSpan.FromSeconds(1.5))));
        Assert.That(settings.EffectiveProvider, Is.EqualTo(ProviderRequest.Cuda), "CUDA required wins over the provider asked for");
    }

    [Test]
    public void Unreadable_values_are_coded_problems()
    {
        var values = new Dictionary<string, string> { ["efficiency.provider"] = "tpu", ["efficiency.timeCap"] = "-1" };

        var (_, problems) = EfficiencySettings.Read(values.GetValueOrDefault);

        Assert.That(problems.Select(p => p.Code), Is.EqualTo(new[] { "EM3202", "EM3202" }));
        Assert.That(problems[0].Message, Does.Contain("efficiency.provider = 'tpu'"));
    }
}
