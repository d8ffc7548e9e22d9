namespace EfficiencyMisnomer.Testing;

/// <summary>Finds the repository root (the folder holding the solution) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "EfficiencyMisnomer.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("EfficiencyMisnomer.sln not found above the test folder.");
    });

    public static string Path => Root.Value;
}
