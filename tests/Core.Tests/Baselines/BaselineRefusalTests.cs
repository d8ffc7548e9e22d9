using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tests.Baselines;

/// <summary>
/// Baselines that are not what they should be: unreadable numbers and null entries are refused (EM4001), a baseline,
/// its folder or its lock that cannot be written fails at once (EM4002) instead of waiting out the lock, and a link,
/// FIFO or folder where the baseline or its lock goes is refused before anything is changed (EM5003).
/// </summary>
public sealed class BaselineRefusalTests
{
    private const string Head = """{ "format": "efficiency-misnomer/baseline@1", "spec": "s", """;

    private string folder = "";

    private string BaselinePath => Path.Combine(folder, "spec.json");

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("misnomer-baselines-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [TestCase("""  "static": { "m": { "params": { "value": 1e400, "unit": "parameters" } } } }""", "a number too large or too small to hold")]
    [TestCase("""  "static": { "m": null } }""", "static model 'm' is null")]
    [TestCase("""  "profiles": [ null ] }""", "an entry of 'profiles' is null")]
    [TestCase("""  "profiles": [ { "profile": "p", "fingerprint": "f", "measurements": [ null ] } ] }""", "a measurement of profile 'p' is null")]
    [TestCase("""  "profiles": [ { "profile": "p", "fingerprint": "f", "measurements": [ { "model": "m", "batch": 0 } ] } ] }""", "the batch of model 'm' of profile 'p' is 0")]
    [TestCase("""  "profiles": [ { "profile": "p", "fingerprint": "f", "measurements": [ { "model": "m", "batch": 1, "latency_samples_ms": [ 1, 1e400 ] } ] } ] }""", "a number too large or too small to hold")]
    [TestCase("""  "profiles": [ { "profile": "p", "fingerprint": "f", "measurements": [ { "model": "m", "batch": 1, "latency_samples_ms": [ null ] } ] } ] }""", "not a number")]
    [TestCase("""  "profiles": [ { "profile": "p", "fingerprint": "f", "measurements": [ { "model": "m", "batch": 1, "indicators": { "latency.p50": { "value": 1, "samples": -3, "unit": "ms" } } } ] } ] }""", "the sample count of indicator 'latency.p50'")]
    public void A_baseline_with_a_number_or_entry_that_cannot_be_held_is_refused(string rest, string expected)
    {
        var error = Assert.Throws<EfficiencyException>(() => BaselineJson.Parse(Head + rest, "b.json"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BaselineUnreadable));
            Assert.That(error.Message, Does.StartWith("b.json").And.Contain(expected));
        });
    }

    [Test]
    public void A_read_only_file_system_is_EM4002_at_once_not_a_lock_timeout()
    {
        var store = new BaselineStore { LockTimeout = TimeSpan.FromSeconds(30), OpenLock = _ => throw new IOException("Read-only file system", 30) };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<EfficiencyException>(() => store.Update(BaselinePath, _ => BaselineJsonTests.Sample()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BaselineUnwritable));
            Assert.That(error.Message, Does.Contain("Read-only file system"));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
            Assert.That(File.Exists(BaselinePath), Is.False);
        });
    }

    [Test]
    public void A_folder_where_no_lock_file_can_be_made_is_EM4002_at_once()
    {
        // procfs exists but refuses new files (ENOENT), whoever runs the test: the lock can never be taken by waiting.
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self"))
        {
            Assert.Ignore("needs Linux's /proc");
        }

        var store = new BaselineStore { LockTimeout = TimeSpan.FromSeconds(30) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = Assert.Throws<EfficiencyException>(() => store.Update("/proc/misnomer-baseline.json", _ => BaselineJsonTests.Sample()))!;
        Assert.That((error.Code, clock.Elapsed < TimeSpan.FromSeconds(5)), Is.EqualTo((ErrorCodes.BaselineUnwritable, true)), error.Message);
    }

    [Test]
    public void A_baseline_that_is_a_link_is_refused_and_its_target_kept()
    {
        var target = Path.Combine(folder, "elsewhere.txt");
        File.WriteAllText(target, "keep");
        SpecialFiles.Link(BaselinePath, target);

        var error = Assert.Throws<EfficiencyException>(() => BaselineStore.Default.Update(BaselinePath, _ => BaselineJsonTests.Sample()))!;

        Assert.That((error.Code, File.ReadAllText(target)), Is.EqualTo((ErrorCodes.OutputNotReplaceable, "keep")));
    }

    [Test]
    public void A_lock_file_that_is_a_fifo_is_refused_without_waiting()
    {
        var fifo = SpecialFiles.Fifo(BaselineStore.LockPath(BaselinePath));
        try
        {
            var error = SpecialFiles.WithinSeconds(10, () => Assert.Throws<EfficiencyException>(() => BaselineStore.Default.Update(BaselinePath, _ => BaselineJsonTests.Sample()))!);
            Assert.That((error.Code, File.Exists(BaselinePath)), Is.EqualTo((ErrorCodes.OutputNotReplaceable, false)));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Test]
    public void A_baseline_that_is_a_fifo_is_refused_when_read()
    {
        var fifo = SpecialFiles.Fifo(BaselinePath);
        try
        {
            var error = SpecialFiles.WithinSeconds(10, () => Assert.Throws<EfficiencyException>(() => BaselineStore.Read(fifo))!);
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.InputNotRegularFile));
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }
}
