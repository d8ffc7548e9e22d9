using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Revisions;

/// <summary>The commit a run happened on: what a results document records so that runs can be laid out over commits.</summary>
public static class RepositoryCommit
{
    /// <summary>
    /// <c>git rev-parse HEAD</c> in the folder of the first of <paramref name="specPaths"/>; null outside a repository,
    /// without git, or with no spec.
    /// </summary>
    public static string? Of(IEnumerable<string> specPaths)
    {
        ArgumentNullException.ThrowIfNull(specPaths);
        var first = specPaths.FirstOrDefault(p => !string.IsNullOrEmpty(p));
        var folder = first is null ? null : Path.GetDirectoryName(Path.GetFullPath(first));
        if (folder is null || !Directory.Exists(folder))
        {
            return null;
        }

        try
        {
            var head = new GitCommand(folder, new SourceLocation(first!)).Run("rev-parse", "--verify", "--quiet", "HEAD");
            return head.Succeeded && head.Output.Length > 0 ? head.Output : null;
        }
        catch (EfficiencyException)
        {
            return null;
        }
    }
}
