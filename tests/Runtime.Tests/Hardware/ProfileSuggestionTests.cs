using EfficiencyMisnomer.Hardware;
using EfficiencyMisnomer.Runtime.Hardware;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>The profile `misnomer hardware` prints: accepted by the spec loader as it is, and matching the machine it came from.</summary>
public sealed class ProfileSuggestionTests
{
    private const string Models = "models:\n  tiny: { path: models/tiny-cnn.onnx }\n";

    [TestCase("cpu")]
    [TestCase("cuda")]
    public void Pasted_block_loads_without_diagnostics_and_matches_its_machine(string provider)
    {
        var machine = Machines.Fingerprint(provider, FakeNvml.Present());
        var result = SpecLoader.Parse(Models + ProfileSuggestion.Yaml(machine), Path.Combine(RepositoryRoot.Path, "specs", "pasted.yaml"));
        Assert.That(result.Diagnostics, Is.Empty);
        var profile = result.Spec!.Hardware.Single();
        Assert.Multiple(() =>
        {
            Assert.That(profile.Name, Is.EqualTo(provider == "cuda" ? "cuda-nvidia-h200" : "cpu-amd-epyc-7763-64-core-processor"));
            Assert.That(profile.Threads!.Value, Is.EqualTo(4));
            Assert.That(ProfileMatcher.Match(profile, machine.Properties).Matches, Is.True);
        });
    }

    [Test]
    public void Quotes_and_backslashes_in_a_model_name_survive()
    {
        var machine = new HardwareFingerprintReader(ProcCpuInfo.FromText("model name : Odd \"Quoted\" \\ CPU\n"), FakeNvml.Absent(), () => Machines.Host).Read("cpu");
        var result = SpecLoader.Parse(Models + ProfileSuggestion.Yaml(machine), Path.Combine(RepositoryRoot.Path, "specs", "pasted.yaml"));
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Spec!.Hardware.Single().Match["cpu"].Value, Is.EqualTo("Odd \"Quoted\" \\ CPU"));
    }
}
