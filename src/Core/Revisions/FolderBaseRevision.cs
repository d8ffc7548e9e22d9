using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Revisions;

/// <summary>
/// A base that is a folder holding a checkout of it (CI systems that check out base and head side by side). A head
/// model's counterpart is the file at the same path relative to the head's root: the repository holding the spec, or
/// the current folder outside a repository.
/// </summary>
public sealed class FolderBaseRevision : BaseRevision
{
    private readonly string folder;
    private readonly string headRoot;

    private FolderBaseRevision(string against, SourceLocation location, string folder, string headRoot, string? commit)
        : base(against, location)
    {
        this.folder = folder;
        this.headRoot = headRoot;
        Commit = commit;
    }

    /// <inheritdoc/>
    public override string? Commit { get; }

    /// <inheritdoc/>
    public override string Source => "folder";

    /// <inheritdoc/>
    public override string? HeadCommit => CommitOf(headRoot, Location);

    /// <inheritdoc/>
    public override string Describe => $"folder {UserText.Quote(Against)}" + (Commit is { } id ? $" ({id[..Math.Min(8, id.Length)]})" : string.Empty);

    /// <summary>The base checkout <paramref name="folder"/> for the head whose spec lies in <paramref name="specFolder"/>.</summary>
    public static FolderBaseRevision Open(string folder, string specFolder, string against, SourceLocation location)
    {
        var full = Path.GetFullPath(folder);
        return new FolderBaseRevision(against, location, full, HeadRoot(specFolder, location), CommitOf(full, location));
    }

    /// <inheritdoc/>
    public override BaseModel Locate(string headModelPath)
    {
        var head = Path.GetFullPath(headModelPath);
        var relative = Path.GetRelativePath(headRoot, head);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw new EfficiencyException(ErrorCodes.ModelOutsideRepository, UserText.Format(OutsideRoot, UserText.Quote(headModelPath), "the head's root", UserText.Quote(headRoot)), Location);
        }

        var slashed = relative.Replace(Path.DirectorySeparatorChar, '/');
        var baseModel = Path.Combine(folder, relative);
        if (!File.Exists(baseModel))
        {
            return new BaseModel(BaseModelStatus.New, null, slashed);
        }

        if (GitBaseRevision.IsLfsPointer(baseModel))
        {
            throw new EfficiencyException(ErrorCodes.LfsPointerAtBase, UserText.Format(
                "the base's '{0}' in {1} is a Git LFS pointer, not the model: run 'git lfs pull' in that checkout first", UserText.Quote(slashed), Describe), Location);
        }

        var externals = ExternalFiles(head, slashed, isBase: false);
        var baseExternals = ExternalFiles(baseModel, slashed, isBase: true);
        var headFolder = Path.GetDirectoryName(head)!;
        var baseFolder = Path.GetDirectoryName(baseModel)!;
        var identical = SameBytes(head, baseModel)
            && externals.Order(StringComparer.Ordinal).SequenceEqual(baseExternals.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            && externals.All(e => SameBytes(Path.Combine(headFolder, e), Path.Combine(baseFolder, e)));
        return new BaseModel(identical ? BaseModelStatus.Unchanged : BaseModelStatus.Changed, identical ? null : baseModel, slashed);
    }

    /// <inheritdoc/>
    public override (string? Path, string? Unavailable) LocateInCheckout(string headPath)
    {
        var relative = Path.GetRelativePath(headRoot, Path.GetFullPath(headPath));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? (null, UserText.Format("the results '{0}' are outside the head's root '{1}', so they have no counterpart in {2}", UserText.Quote(headPath), UserText.Quote(headRoot), Describe))
            : (Path.Combine(folder, relative), null);
    }

    /// <summary>The root head paths are relative to: the spec's repository, or the current folder outside one (or without git).</summary>
    private static string HeadRoot(string specFolder, SourceLocation location)
    {
        try
        {
            var top = new GitCommand(string.IsNullOrEmpty(specFolder) ? "." : specFolder, location).Run("rev-parse", "--show-toplevel");
            if (top.Succeeded && top.Output.Length > 0)
            {
                return top.Output;
            }
        }
        catch (EfficiencyException)
        {
            // No git: the current folder is the root.
        }

        return Directory.GetCurrentDirectory();
    }

    /// <summary>The checkout's own commit when it is a git work tree; null otherwise (or without git).</summary>
    private static string? CommitOf(string folder, SourceLocation location)
    {
        try
        {
            var head = new GitCommand(folder, location).Run("rev-parse", "--verify", "--quiet", "HEAD");
            return head.Succeeded && head.Output.Length > 0 ? head.Output : null;
        }
        catch (EfficiencyException)
        {
            return null;
        }
    }
}
