using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Tests.Baselines;

/// <summary>Updates merge, never half-write, never lose a concurrent writer's entry, and fail with coded errors.</summary>
public sealed class BaselineStoreTests
{
    private string folder = "";

    private string BaselinePath => Path.Combine(folder, "baselines", "spec.json");

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(folder = Path.Combine(Path.GetTempPath(), "misnomer-baselines", Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Update_creates_the_file_and_its_folder_and_reads_back()
    {
        Assert.That(BaselineStore.Read(BaselinePath), Is.Null, "no baseline yet");
        BaselineStore.Default.Update(BaselinePath, old => BaselineMerge.Merge(old, BaselineJsonTests.Sample()));
        Assert.That(BaselineJson.Write(BaselineStore.Read(BaselinePath)!), Is.EqualTo(BaselineJson.Write(BaselineJsonTests.Sample())));
    }

    [Test]
    public void Update_replaces_only_the_same_profile_machine_model_and_batch()
    {
        BaselineStore.Default.Update(BaselinePath, old => BaselineMerge.Merge(old, BaselineJsonTests.Sample()));
        var sample = BaselineJsonTests.Sample();
        var cpu = sample.Profiles[1];
        var remeasured = cpu.Measurements[0] with { LatencySamples = new[] { 9.0 } };
        var otherBatch = cpu.Measurements[0] with { Batch = 8, LatencySamples = new[] { 7.0 } };
        var otherMachine = cpu with { Fingerprint = "0000aaaa1111", Measurements = new[] { remeasured with { LatencySamples = new[] { 5.0 } } } };
        var recorded = new Baseline(sample.Spec, new[] { sample.Static[0] with { Indicators = new[] { new BaselineIndicator("params", "parameters", 1) } } },
            new[] { cpu with { Measurements = new[] { remeasured, otherBatch } }, otherMachine });

        BaselineStore.Default.Update(BaselinePath, old => BaselineMerge.Merge(old, recorded));

        var read = BaselineStore.Read(BaselinePath)!;
        var cpuEntries = read.Entries("ci-cpu").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(read.StaticModel("vit-w3072")!.Indicator("params")!.Value, Is.EqualTo(1), "the recorded model's static entry replaced");
            Assert.That(read.StaticModel("vit-d48")!.Indicator("params")!.Value, Is.EqualTo(85_000_000), "another model's kept");
            Assert.That(read.Entries("h200").Single().Measurements, Has.Count.EqualTo(1), "another profile kept");
            Assert.That(cpuEntries.Select(e => e.Fingerprint), Is.EquivalentTo(new[] { "3f2a9c1b7d0e", "0000aaaa1111" }), "another machine's entry added beside");
            var same = cpuEntries.Single(e => e.Fingerprint == "3f2a9c1b7d0e");
            Assert.That(same.Measurement("vit-d48", 1)!.LatencySamples, Is.EqualTo(new[] { 9.0 }), "same profile, machine, model and batch replaced");
            Assert.That(same.Measurement("vit-d48", 8)!.LatencySamples, Is.EqualTo(new[] { 7.0 }));
        });
    }

    [Test]
    public void A_writer_killed_mid_write_leaves_the_previous_baseline_intact_and_no_lock_behind()
    {
        BaselineStore.Default.Update(BaselinePath, old => BaselineMerge.Merge(old, BaselineJsonTests.Sample()));
        var before = File.ReadAllBytes(BaselinePath);

        using (var writer = BaselineWriterProcess.Start(BaselinePath, "killed", "--stall"))
        {
            var said = writer.StandardOutput.ReadLine();
            Assert.That(said, Is.EqualTo("mid-write"), writer.HasExited ? writer.StandardError.ReadToEnd() : "the writer did not report");
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(BaselinePath)!, ".spec.json.*.tmp"), Has.Length.EqualTo(1), "half of the new content is on disk");
            writer.Kill(entireProcessTree: true);
            writer.WaitForExit();
        }

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllBytes(BaselinePath), Is.EqualTo(before), "the baseline is the previous one, byte for byte");
            Assert.That(BaselineStore.Read(BaselinePath)!.Entries("killed"), Is.Empty, "the partial file is not taken for the baseline");
        });

        // The killed writer's lock died with it: the next writer gets in at once, and removes the abandoned half file.
        var next = new BaselineStore { LockTimeout = TimeSpan.FromSeconds(10) };
        next.Update(BaselinePath, old => old! with { Spec = "after" });
        Assert.Multiple(() =>
        {
            Assert.That(BaselineStore.Read(BaselinePath)!.Spec, Is.EqualTo("after"));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(BaselinePath)!, ".spec.json.*.tmp"), Is.Empty);
        });
    }

    [Test]
    public void Concurrent_writer_processes_lose_no_entry()
    {
        const int writers = 8;
        var processes = Enumerable.Range(0, writers).Select(i => BaselineWriterProcess.Start(BaselinePath, $"profile-{i}")).ToList();
        foreach (var process in processes)
        {
            Assert.That(process.WaitForExit(TimeSpan.FromMinutes(3)), Is.True, "a writer did not finish");
            Assert.That(process.ExitCode, Is.Zero, process.StandardError.ReadToEnd());
            process.Dispose();
        }

        var read = BaselineStore.Read(BaselinePath)!;
        Assert.That(read.Profiles.Select(p => p.Profile), Is.EquivalentTo(Enumerable.Range(0, writers).Select(i => $"profile-{i}")));
    }

    [Test]
    public void Concurrent_writer_threads_lose_no_entry()
    {
        const int writers = 16;
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, i =>
            BaselineStore.Default.Update(BaselinePath, old => BaselineMerge.Merge(old, BaselineJsonTests.Sample() with
            {
                Static = Array.Empty<BaselineModel>(),
                Profiles = new[] { BaselineJsonTests.Sample().Profiles[0] with { Profile = $"p{i}" } },
            })));
        Assert.That(BaselineStore.Read(BaselinePath)!.Profiles, Has.Count.EqualTo(writers));
    }

    [Test]
    public void In_a_repository_the_lock_lives_in_its_git_folder_and_nothing_is_left_beside_the_baseline()
    {
        using var repository = GitRepository.Init();
        var baseline = repository.PathOf("specs/baselines/tiny.json");

        BaselineStore.Default.Update(baseline, _ => BaselineJsonTests.Sample());

        var lockPath = BaselineStore.LockPath(baseline);
        Assert.Multiple(() =>
        {
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(baseline)!).Select(Path.GetFileName), Is.EqualTo(new[] { "tiny.json" }));
            Assert.That(lockPath, Does.StartWith(repository.PathOf(".git") + Path.DirectorySeparatorChar));
            Assert.That(File.Exists(lockPath), Is.True);
            Assert.That(repository.Git("status", "--porcelain", "--untracked-files=all"), Does.Not.Contain(".lock"));
            Assert.That(BaselineStore.LockPath(repository.PathOf("specs/baselines/other.json")), Is.Not.EqualTo(lockPath), "one lock per baseline");
        });
    }

    [Test]
    public void A_lock_held_longer_than_the_timeout_is_a_coded_error_naming_the_lock_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(BaselinePath)!);
        var lockPath = BaselineStore.LockPath(BaselinePath);
        using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var store = new BaselineStore { LockTimeout = TimeSpan.FromMilliseconds(200) };

        var error = Assert.Throws<EfficiencyException>(() => store.Update(BaselinePath, _ => BaselineJsonTests.Sample()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BaselineLocked));
            Assert.That(error.Message, Does.Contain(lockPath).And.Contain("0.2 s"));
            Assert.That(File.Exists(BaselinePath), Is.False, "nothing written");
        });
    }

    [Test]
    public void An_unwritable_folder_is_a_coded_error()
    {
        // A folder under a regular file cannot be created, whoever runs the test.
        var file = Path.Combine(folder, "not-a-folder");
        File.WriteAllText(file, "");
        var path = Path.Combine(file, "baselines", "spec.json");

        var error = Assert.Throws<EfficiencyException>(() => BaselineStore.Default.Update(path, _ => BaselineJsonTests.Sample()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.BaselineUnwritable));
            Assert.That(error.Message, Does.StartWith(path + ": cannot write the baseline file"));
        });
    }

    [Test]
    public void A_corrupt_file_is_a_coded_error_naming_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(BaselinePath)!);
        File.WriteAllText(BaselinePath, BaselineJson.Write(BaselineJsonTests.Sample())[..100]);
        var error = Assert.Throws<EfficiencyException>(() => BaselineStore.Read(BaselinePath))!;
        Assert.That((error.Code, error.Message.StartsWith(BaselinePath, StringComparison.Ordinal)), Is.EqualTo((ErrorCodes.BaselineUnreadable, true)));
    }
}
