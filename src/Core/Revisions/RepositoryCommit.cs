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

    /// <summary>
    /// <paramref name="commit"/> when the model at <paramref name="modelPath"/> and its external data are byte-identical
    /// to that commit's files in the repository holding <paramref name="specPath"/>; null when they differ, are absent
    /// there, or git cannot tell.
    /// </summary>
    public static string? Holding(string commit, string specPath, string modelPath)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(specPath);
        ArgumentNullException.ThrowIfNull(modelPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(specPath));
        if (folder is null || !Directory.Exists(folder) || !File.Exists(modelPath))
        {
            return null;
        }

        try
        {
            using var revision = GitBaseRevision.Open(folder, commit, new SourceLocation(specPath));
            return revision.Locate(modelPath).Status == BaseModelStatus.Unchanged ? revision.Commit : null;
        }
        catch (EfficiencyException)
        {
            return null;
        }
    }
}
