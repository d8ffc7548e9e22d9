namespace EfficiencyMisnomer.EndToEnd.Tests;

/// <summary>
/// The first hour of a new user: a fresh <c>dotnet new nunit</c> project, the sample spec and model copied into its
/// specs/ folder, and one <c>dotnet add package</c> line of the adapter (CPU flavour, from a local feed); then the real
/// <c>dotnet test</c>, with no edit of the project. The template's own NUnit and runner packages are whatever this
/// SDK's template gives (NUnit 4.3.2 with .NET 10), restored into a private package folder, whose growth over the
/// template's own restore is what the adapter costs a CPU consumer.
/// </summary>
[NonParallelizable]
public sealed class TemplateConsumerTests
{
    /// <summary>
    /// What the adapter (CPU flavour, with its native runtime for four platforms) may add to the template's own restore,
    /// everything counted: the packages, extracted, and their archives. See docs/packaging.md for the figures.
    /// </summary>
    private const long AddedBudgetBytes = 100L * 1024 * 1024;

    /// <summary>What a consumer's first restore may download, template and adapter together: 150 MB.</summary>
    private const long DownloadBudgetBytes = 150L * 1000 * 1000;

    private string work = "";
    private string consumer = "";
    private string packages = "";
    private string templatePackages = "";
    private long restoredBytes;
    private int addCode;
    private string addOutput = "";
    private int testCode;
    private string testOutput = "";
    private int platformCode;
    private string platformOutput = "";

    [OneTimeSetUp]
    public void CreateAddAndTest()
    {
        work = Path.Combine(Path.GetTempPath(), "misnomer-e2e", Guid.NewGuid().ToString("N"));
        var feed = Path.Combine(work, "feed");
        consumer = Path.Combine(work, "consumer");
        packages = Path.Combine(work, "packages");
        Directory.CreateDirectory(feed);

        LocalFeed.Pack(feed, "TestAdapter", "Core", "Runtime", "OnnxRuntime.Cpu");
        var (newCode, newOutput) = DotNet.Run(work, "new", "nunit", "--name", "Consumer", "--output", consumer, "--no-restore");
        Assert.That(newCode, Is.Zero, newOutput);
        LocalFeed.WriteNuGetConfig(consumer, feed, packages, gallery: true);
        LocalFeed.IsolateFromParentFolders(consumer);
        SampleSpecs.WriteTo(consumer);
        File.Delete(Path.Combine(consumer, "specs", "over.yaml"));

        // The same template restored alone: what a test project costs before the adapter.
        var template = Path.Combine(work, "template");
        templatePackages = Path.Combine(work, "template-packages");
        var (templateCode, templateOutput) = DotNet.Run(work, "new", "nunit", "--name", "Consumer", "--output", template, "--no-restore");
        Assert.That(templateCode, Is.Zero, templateOutput);
        LocalFeed.WriteNuGetConfig(template, feed, templatePackages, gallery: true);
        LocalFeed.IsolateFromParentFolders(template);
        (templateCode, templateOutput) = DotNet.Run(template, "restore");
        Assert.That(templateCode, Is.Zero, templateOutput);

        (addCode, addOutput) = DotNet.Run(consumer, "add", "package", "EfficiencyMisnomer.TestAdapter", "--version", LocalFeed.Version);
        (testCode, testOutput) = DotNet.Run(consumer, "test", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "--logger", "console;verbosity=normal");
        restoredBytes = Bytes(packages);

        // The same project under Microsoft.Testing.Platform, .NET 10's other `dotnet test` mode: NUnit's own runner
        // (NUnit3TestAdapter 5.0.0 of the template predates the mode's protocol; the current one is used).
        var platform = Path.Combine(work, "consumer-mtp");
        CopyFolder(consumer, platform, skip: new[] { "bin", "obj" });
        File.WriteAllText(Path.Combine(platform, "global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");
        var (upgradeCode, upgradeOutput) = DotNet.Run(platform, "add", "package", "NUnit3TestAdapter", "--version", LocalFeed.CentralVersion("NUnit3TestAdapter"));
        Assert.That(upgradeCode, Is.Zero, upgradeOutput);
        // MSBuild switches other than properties would reach the test application as its arguments here.
        (platformCode, platformOutput) = DotNet.Run(platform, "test", "-p:EnableNUnitRunner=true", "-p:OutputType=Exe", "-p:UseSharedCompilation=false");
    }

    [OneTimeTearDown]
    public void DeleteWork()
    {
        DotNet.Run(work, "build-server", "shutdown");
        Directory.Delete(work, recursive: true);
    }

    [Test]
    public void The_package_is_added_with_one_line() => Assert.That(addCode, Is.Zero, addOutput);

    [Test]
    public void Dotnet_test_passes_the_template_test_and_a_test_per_model_and_profile_of_the_spec() =>
        Assert.Multiple(() =>
        {
            Assert.That(testCode, Is.Zero, testOutput);
            Assert.That(testOutput, Does.Match(@"Passed within/tiny/static"));
            Assert.That(testOutput, Does.Match(@"Passed within/tiny/cpu"), "measured on this machine's CPU by the package's native runtime");
            Assert.That(testOutput, Does.Match(@"Passed Test1"), "the template's own test");
            Assert.That(testOutput, Does.Not.Contain("NU1605"), "no downgrade of the template's NUnit");
        });

    [Test]
    public void Microsoft_testing_platform_mode_runs_the_same_tests() =>
        Assert.Multiple(() =>
        {
            Assert.That(platformCode, Is.Zero, platformOutput);
            Assert.That(platformOutput, Does.Match(@"total: 3\b").And.Match(@"succeeded: 3\b"));
        });

    [Test]
    public void The_template_nunit_is_the_one_that_runs() =>
        Assert.That(File.ReadAllText(Path.Combine(consumer, "Consumer.csproj")), Does.Match(@"Include=""NUnit"" Version=""4\.\d+\.\d+"""));

    [Test]
    public void The_adapter_adds_under_100_MB_to_the_template_restore()
    {
        var withAdapter = restoredBytes;
        var template = Bytes(templatePackages);
        TestContext.Out.WriteLine($"restored: template {Mebibytes(template)}, with the adapter {Mebibytes(withAdapter)} (+{Mebibytes(withAdapter - template)})");
        Assert.That(withAdapter - template, Is.LessThan(AddedBudgetBytes));
    }

    /// <summary>
    /// What a CPU consumer's first restore downloads, the template's packages included: the package archives fetched from
    /// the feeds (NuGet keeps each beside its extracted files, which the test above counts too).
    /// </summary>
    [Test]
    public void A_consumer_s_first_restore_downloads_under_150_MB()
    {
        var downloaded = Archives(packages);
        var template = Archives(templatePackages);
        TestContext.Out.WriteLine($"downloaded: template {Mebibytes(template)}, with the adapter {Mebibytes(downloaded)} (+{Mebibytes(downloaded - template)})");
        Assert.That(downloaded, Is.LessThan(DownloadBudgetBytes));
    }

    [Test]
    public void Only_this_platform_s_native_runtime_reaches_the_output()
    {
        var output = Path.Combine(consumer, "bin", "Debug", "net10.0");
        var natives = Directory.EnumerateFiles(output, "*onnxruntime*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || Path.GetFileName(f).StartsWith("onnxruntime", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToList();
        var expected = OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so";
        Assert.Multiple(() =>
        {
            Assert.That(natives, Has.Member(expected));
            Assert.That(Directory.Exists(Path.Combine(output, "runtimes")) ? Directory.EnumerateFiles(Path.Combine(output, "runtimes"), "*onnxruntime*", SearchOption.AllDirectories) : Enumerable.Empty<string>(),
                Is.Empty, "no other platform's libraries");
        });
    }

    private static long Archives(string folder) => new DirectoryInfo(folder).EnumerateFiles("*.nupkg", SearchOption.AllDirectories).Sum(f => f.Length);

    private static long Bytes(string folder) => new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    private static string Mebibytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB");

    private static void CopyFolder(string from, string to, string[] skip)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => !skip.Contains(Path.GetFileName(d))))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)), skip);
        }
    }
}
