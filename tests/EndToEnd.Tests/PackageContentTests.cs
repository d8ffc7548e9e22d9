using System.IO.Compression;
using System.Xml.Linq;

namespace EfficiencyMisnomer.EndToEnd.Tests;

/// <summary>
/// What each package carries, read from the packed archives: the native ONNX Runtime of every platform a package
/// claims and of no other, each package under the public gallery's 250 MB limit, and the flavour's dependencies.
/// </summary>
[NonParallelizable]
public sealed class PackageContentTests
{
    /// <summary>The public gallery's limit on one package.</summary>
    private const long GalleryLimitBytes = 250_000_000;

    private static readonly string[] CpuPlatforms = { "linux-x64", "linux-arm64", "win-x64", "osx-arm64" };

    private string work = "";
    private string feed = "";

    [OneTimeSetUp]
    public void Pack()
    {
        work = Path.Combine(Path.GetTempPath(), "misnomer-e2e", Guid.NewGuid().ToString("N"));
        feed = Path.Combine(work, "feed");
        Directory.CreateDirectory(feed);
        LocalFeed.PackFlavour(feed, "cpu", "Cli");
        LocalFeed.PackFlavour(feed, "cpu", "TestAdapter", "OnnxRuntime.Cpu");
        LocalFeed.PackFlavour(feed, "cuda", "Cli");
        LocalFeed.PackFlavour(feed, "cuda", "TestAdapter");
    }

    [OneTimeTearDown]
    public void DeleteWork() => Directory.Delete(work, recursive: true);

    [Test]
    public void The_cpu_tool_carries_the_runtime_of_each_platform_it_claims_and_no_other()
    {
        var entries = Entries("EfficiencyMisnomer.Cli");
        var natives = entries.Where(e => e.Contains("/runtimes/", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            foreach (var platform in CpuPlatforms)
            {
                Assert.That(natives, Has.One.EqualTo($"tools/net10.0/any/runtimes/{platform}/native/{Library(platform)}"), platform);
            }

            Assert.That(natives.Select(Platform).Distinct(), Is.EquivalentTo(CpuPlatforms), "no Android, iOS or other archive");
            Assert.That(Size("EfficiencyMisnomer.Cli"), Is.LessThan(GalleryLimitBytes));
        });
    }

    [Test]
    public void The_cpu_runtime_package_has_one_archive_per_platform_holding_its_library_and_the_licence()
    {
        using var package = ZipFile.OpenRead(PackagePath("EfficiencyMisnomer.OnnxRuntime.Cpu"));
        Assert.Multiple(() =>
        {
            foreach (var platform in CpuPlatforms)
            {
                var archive = package.GetEntry($"natives/{platform}.zip");
                Assert.That(archive, Is.Not.Null, platform);
                using var stream = archive!.Open();
                using var inner = new ZipArchive(stream);
                Assert.That(inner.Entries.Select(e => e.FullName), Has.Member(Library(platform)), platform);
            }

            Assert.That(package.Entries.Select(e => e.FullName), Has.Member("licenses/onnxruntime/LICENSE").And.Member("licenses/onnxruntime/ThirdPartyNotices.txt"));
            Assert.That(package.Entries.Select(e => e.FullName), Has.Member("buildTransitive/EfficiencyMisnomer.OnnxRuntime.Cpu.targets"));
        });
    }

    [TestCase("linux-x64", "libonnxruntime.so", "libonnxruntime_providers_cuda.so", ".dll")]
    [TestCase("win-x64", "onnxruntime.dll", "onnxruntime_providers_cuda.dll", ".so")]
    public void Each_cuda_tool_package_carries_its_platform_s_cuda_runtime_only_under_the_gallery_limit(string platform, string runtime, string provider, string foreign)
    {
        var id = $"EfficiencyMisnomer.Cli.Cuda.{platform}";
        var entries = Entries(id);
        Assert.Multiple(() =>
        {
            Assert.That(entries, Has.Member($"tools/net10.0/{platform}/{runtime}").And.Member($"tools/net10.0/{platform}/{provider}"));
            Assert.That(entries.Where(e => Path.GetFileName(e).Contains("onnxruntime", StringComparison.Ordinal) && e.EndsWith(foreign, StringComparison.Ordinal)), Is.Empty);
            Assert.That(Size(id), Is.LessThan(GalleryLimitBytes), $"{Size(id):N0} bytes");
        });
    }

    [Test]
    public void The_cuda_tool_installs_through_one_package_naming_both_platforms()
    {
        using var package = ZipFile.OpenRead(PackagePath("EfficiencyMisnomer.Cli.Cuda"));
        var settings = package.Entries.Single(e => e.Name == "DotnetToolSettings.xml");
        using var stream = settings.Open();
        var platforms = XDocument.Load(stream).Descendants("RuntimeIdentifierPackage").Select(e => (string?)e.Attribute("RuntimeIdentifier")).ToList();
        Assert.That(platforms, Is.EquivalentTo(new[] { "linux-x64", "win-x64" }));
    }

    [TestCase("EfficiencyMisnomer.TestAdapter", "EfficiencyMisnomer.OnnxRuntime.Cpu", "Microsoft.ML.OnnxRuntime.Gpu")]
    [TestCase("EfficiencyMisnomer.TestAdapter.Cuda", "Microsoft.ML.OnnxRuntime.Gpu", "EfficiencyMisnomer.OnnxRuntime.Cpu")]
    public void Each_adapter_flavour_depends_on_its_native_runtime_only(string id, string native, string other)
    {
        using var package = ZipFile.OpenRead(PackagePath(id));
        using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var dependencies = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();
        Assert.That(dependencies, Has.Member(native).And.No.Member(other).And.No.Member("Microsoft.ML.OnnxRuntime"));
    }

    [Test]
    public void Every_package_carries_the_licence_the_readme_and_the_commit_it_was_built_from()
    {
        var (_, head) = DotNet.Execute("git", RepositoryRoot.Path, new[] { "rev-parse", "HEAD" });
        Assert.Multiple(() =>
        {
            foreach (var path in Directory.EnumerateFiles(feed, "*.nupkg"))
            {
                using var package = ZipFile.OpenRead(path);
                var name = Path.GetFileName(path);
                using var stream = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
                var metadata = XDocument.Load(stream).Descendants().Where(e => e.Parent?.Name.LocalName == "metadata").ToList();
                Assert.That(metadata.Single(e => e.Name.LocalName == "license").Value, Is.EqualTo("MIT"), name);
                Assert.That(metadata.Single(e => e.Name.LocalName == "readme").Value, Is.EqualTo("README.md"), name);
                Assert.That((string?)metadata.Single(e => e.Name.LocalName == "repository").Attribute("commit"), Is.EqualTo(head.Trim()), name);
                Assert.That(package.Entries.Select(e => e.FullName), Has.Member("LICENSE").And.Member("README.md"), name);
            }
        });
    }

    [Test]
    public void The_adapter_comes_with_its_symbols() =>
        Assert.That(File.Exists(Path.Combine(feed, $"EfficiencyMisnomer.TestAdapter.{LocalFeed.Version}.snupkg")), Is.True);

    private static string Library(string platform) =>
        platform.StartsWith("win", StringComparison.Ordinal) ? "onnxruntime.dll" : platform.StartsWith("osx", StringComparison.Ordinal) ? "libonnxruntime.dylib" : "libonnxruntime.so";

    private static string Platform(string entry) => entry.Split('/')[4];

    private string PackagePath(string id) => Path.Combine(feed, $"{id}.{LocalFeed.Version}.nupkg");

    private long Size(string id) => new FileInfo(PackagePath(id)).Length;

    private List<string> Entries(string id)
    {
        using var package = ZipFile.OpenRead(PackagePath(id));
        return package.Entries.Select(e => e.FullName).ToList();
    }
}
