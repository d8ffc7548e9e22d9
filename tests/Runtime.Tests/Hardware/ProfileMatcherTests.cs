using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Hardware;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Runtime.Tests.Hardware;

/// <summary>Which profiles apply to a machine, and for those that do not, which key failed and why.</summary>
public sealed class ProfileMatcherTests
{
    [Test]
    public void Every_key_matching_is_a_match()
    {
        var match = ProfileMatcher.Match(Profile(("provider", "cpu"), ("cpu", "*EPYC*"), ("os", "linux"), ("arch", "x64"), ("host", "ci-runner-*")), Machines.Fingerprint().Properties);
        Assert.Multiple(() =>
        {
            Assert.That(match.Matches, Is.True);
            Assert.That(match.Skipped(), Is.Null);
        });
    }

    [Test]
    public void A_profile_without_match_matches_every_machine() =>
        Assert.That(ProfileMatcher.Match(Profile(), Machines.Fingerprint().Properties).Matches, Is.True);

    [Test]
    public void Keys_and_patterns_ignore_case() =>
        Assert.That(ProfileMatcher.Match(Profile(("provider", "CPU"), ("cpu", "amd epyc*"), ("os", "LINUX*")), Machines.Fingerprint().Properties).Matches, Is.True);

    [Test]
    public void Os_matches_the_description_too() =>
        Assert.That(ProfileMatcher.Match(Profile(("os", "*azure*")), Machines.Fingerprint().Properties).Matches, Is.True);

    [Test]
    public void Mismatch_names_the_key_the_pattern_and_what_the_machine_has()
    {
        var match = ProfileMatcher.Match(Profile(("provider", "cpu"), ("cpu", "*Xeon*")), Machines.Fingerprint().Properties);
        Assert.Multiple(() =>
        {
            Assert.That(match.Matches, Is.False);
            Assert.That(match.Failures, Is.EqualTo(new[] { new MatchFailure("cpu", "*Xeon*", Machines.EpycModel, Where("cpu")) }));
        });
    }

    [Test]
    public void Skipped_message_carries_every_failure_and_the_fingerprint()
    {
        var machine = Machines.Fingerprint();
        var skipped = ProfileMatcher.Match(Profile(("provider", "cuda"), ("gpu", "NVIDIA H200*")), machine.Properties).Skipped()!;
        Assert.Multiple(() =>
        {
            Assert.That(skipped.Code, Is.EqualTo(ErrorCodes.HardwareProfileSkipped));
            Assert.That(skipped.Location, Is.EqualTo(Where("provider")));
            Assert.That(skipped.Message, Does.StartWith("hardware profile 'ci' skipped: provider \"cuda\" does not match \"cpu\", gpu \"NVIDIA H200*\" does not match \"none (NVML unavailable: "));
            Assert.That(skipped.Message, Does.Contain($"fingerprint {machine.Id}: provider cpu, cpu \"{Machines.EpycModel}\" (8 logical, 4 physical cores)"));
            Assert.That(skipped.Message, Does.Contain("`misnomer hardware` prints one"));
        });
    }

    [Test]
    public void Gpu_pattern_matches_the_gpu_nvml_names() =>
        Assert.That(ProfileMatcher.Match(Profile(("provider", "cuda"), ("gpu", "nvidia h200*")), Machines.Fingerprint("cuda", FakeNvml.Present()).Properties).Matches, Is.True);

    [Test]
    public void Match_all_keeps_the_spec_order()
    {
        var profiles = new[] { Profile(("cpu", "*Xeon*")) with { Name = "xeon" }, Profile(("cpu", "*EPYC*")) with { Name = "epyc" } };
        Assert.That(ProfileMatcher.MatchAll(profiles, Machines.Fingerprint().Properties).Select(m => (m.Profile.Name, m.Matches)),
            Is.EqualTo(new[] { ("xeon", false), ("epyc", true) }));
    }

    private static SourceLocation Where(string key) => new("spec.yaml", 3, 10, key);

    private static HardwareProfile Profile(params (string Key, string Pattern)[] match) =>
        new("ci", new SourceLocation("spec.yaml", 2, 3),
            match.ToDictionary(m => m.Key, m => new Located<string>(m.Pattern, Where(m.Key))),
            null, null, null, Array.Empty<Budget>());
}
