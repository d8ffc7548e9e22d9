namespace EfficiencyMisnomer.Bench;

/// <summary>Finds files of the repository from wherever BenchmarkDotNet builds and runs the benchmarks.</summary>
internal static class RepositoryFiles
{
    /// <summary>The path of a file given relative to the repository root, searched upward from the running assembly.</summary>
    public static string Find(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{relative}' not found in any folder above {AppContext.BaseDirectory}");
    }
}
