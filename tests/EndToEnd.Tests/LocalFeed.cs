namespace EfficiencyMisnomer.EndToEnd.Tests;

/// <summary>
/// A folder feed of freshly packed packages and the nuget.config of a throw-away consumer that restores
/// from it, offline: third-party packages come from the packages this repository has already restored.
/// </summary>
internal static class LocalFeed
{
    // One version for the whole run: packing the same projects twice with one version rebuilds nothing.
    public static readonly string Version = $"0.0.1-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}";

    private static readonly Lazy<string> RestoredPackages = new(FindRestoredPackages);

    /// <summary>Packs <paramref name="projects"/> (folders under <c>src/</c>), in order, into <paramref name="feed"/>.</summary>
    /// <param name="feed">The folder feed.</param>
    /// <param name="first">Packed with a build, which builds the projects it references.</param>
    /// <param name="alreadyBuilt">Packed without building: <paramref name="first"/> built them.</param>
    public static void Pack(string feed, string first, params string[] alreadyBuilt) => PackFlavour(feed, "cpu", first, alreadyBuilt);

    /// <summary>As <see cref="Pack(string, string, string[])"/>, in the ONNX Runtime flavour <paramref name="flavour"/> (cpu or cuda).</summary>
    public static void PackFlavour(string feed, string flavour, string first, params string[] alreadyBuilt)
    {
        var root = RepositoryRoot.Path;
        foreach (var (project, build) in alreadyBuilt.Select(p => (p, false)).Prepend((first, true)))
        {
            var arguments = new List<string>
            {
                "pack", Path.Combine(root, "src", project), "-c", "Release", "-o", feed, $"-p:Version={Version}", $"-p:OnnxRuntimeFlavour={flavour}", "--nologo", "-nodeReuse:false",
            };
            if (!build)
            {
                arguments.Add("--no-build");
            }

            var (code, output) = DotNet.Execute("dotnet", root, arguments);
            Assert.That(code, Is.Zero, output);
        }
    }

    /// <summary>
    /// Writes a nuget.config into <paramref name="folder"/>: the feed, the restored packages, a private package cache,
    /// and where <paramref name="gallery"/> is set the public gallery, for what a template asks that this repository
    /// never restored.
    /// </summary>
    public static void WriteNuGetConfig(string folder, string feed, string packageCache, bool gallery = false) =>
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packageCache}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="restored" value="{RestoredPackages.Value}" />
                {(gallery ? "<add key=\"gallery\" value=\"https://api.nuget.org/v3/index.json\" />" : "")}
              </packageSources>
            </configuration>
            """);

    /// <summary>Empty Directory.Build.* and Directory.Packages.props: no settings above the consumer's folder apply to it.</summary>
    public static void IsolateFromParentFolders(string folder)
    {
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(folder, name), "<Project />\n");
        }
    }

    /// <summary>The version of <paramref name="package"/> that the repository's Directory.Packages.props pins.</summary>
    public static string CentralVersion(string package)
    {
        var document = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"));
        return document.Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == package).Attribute("Version")!.Value;
    }

    // The global packages folder holds every package the repository restored, in the layout of a folder feed.
    private static string FindRestoredPackages()
    {
        var (code, output) = DotNet.Run(RepositoryRoot.Path, "nuget", "locals", "global-packages", "--list");
        Assert.That(code, Is.Zero, output);
        const string Prefix = "global-packages:";
        var line = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line[Prefix.Length..].Trim();
    }
}
