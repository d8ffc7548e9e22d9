using System.Text;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Revisions;

/// <summary>
/// A base that is a git revision of the repository holding the spec. Whether a model changed is decided on git's blob
/// ids first (nothing is extracted for an unchanged model), then on bytes; a changed model and its external data are
/// extracted into a temporary folder with the repository's layout, so that relative external-data locations resolve.
/// Git LFS objects come through git's own filters when they are present locally; a bare pointer file is refused.
/// </summary>
public sealed class GitBaseRevision : BaseRevision
{
    private const string NotARepository = "'{0}' is not a git revision here: the spec's folder '{1}' is not in a git repository (git says: {2}). Run inside a clone, or name a folder that holds a checkout of the base";
    private const string UnknownRevision = "revision '{0}' is not known in the repository '{1}': name a branch, tag or commit it holds (fetch it first when the checkout holds only the head, e.g. 'git fetch origin {0}')";
    private const string ShallowWithout = "the repository '{1}' is a shallow clone that does not hold revision '{0}': fetch it before comparing, e.g. 'git fetch --depth=1 origin {0}' (or 'git fetch --unshallow'; with actions/checkout, set fetch-depth: 0)";
    private const string NotARevisionName = "'{0}' is not a revision name: it starts with '-'";
    private const string LfsPointer = "the base's '{0}' at {1} is a Git LFS pointer, not the model: the LFS objects must be fetched first ('git lfs fetch origin {2}'), or check the base out into a folder with 'git lfs pull' and name that folder instead";
    private const string ExtractFailed = "git cannot read '{0}' at {1}: {2}";
    private const string LfsSignature = "version https://git-lfs.github.com/spec/v1";

    private readonly GitCommand git;
    private readonly string root;
    private string? extracted;
    private string? headCommit;

    private GitBaseRevision(string against, SourceLocation location, GitCommand git, string root, string commit)
        : base(against, location)
    {
        this.git = git;
        this.root = root;
        Commit = commit;
    }

    /// <inheritdoc/>
    public override string Commit { get; }

    /// <inheritdoc/>
    public override string Source => "git";

    /// <inheritdoc/>
    public override string? HeadCommit => headCommit ??= git.Run("rev-parse", "--verify", "--quiet", "HEAD") is { Succeeded: true, Output.Length: > 0 } head ? head.Output : null;

    /// <inheritdoc/>
    public override string Describe => $"{UserText.Quote(Against)} ({Commit[..Math.Min(8, Commit.Length)]})";

    /// <summary>The repository's root folder.</summary>
    public string Root => root;

    /// <summary>Resolves <paramref name="against"/> in the repository that holds <paramref name="folder"/>.</summary>
    public static GitBaseRevision Open(string folder, string against, SourceLocation location)
    {
        if (against.StartsWith('-'))
        {
            throw new EfficiencyException(ErrorCodes.RevisionNotFound, UserText.Format(NotARevisionName, UserText.Quote(against)), location);
        }

        var here = new GitCommand(string.IsNullOrEmpty(folder) ? "." : folder, location);
        var top = here.Run("rev-parse", "--show-toplevel");
        if (!top.Succeeded)
        {
            throw new EfficiencyException(ErrorCodes.NotAGitRepository, UserText.Format(NotARepository, UserText.Quote(against), UserText.Quote(folder), UserText.Quote(FirstLine(top.Error))), location);
        }

        var root = top.Output;
        var git = new GitCommand(root, location);
        var commit = git.Run("rev-parse", "--verify", "--quiet", "--end-of-options", against + "^{commit}");
        if (!commit.Succeeded || commit.Output.Length == 0)
        {
            var shallow = git.Run("rev-parse", "--is-shallow-repository").Output == "true";
            throw new EfficiencyException(shallow ? ErrorCodes.ShallowCloneWithoutRevision : ErrorCodes.RevisionNotFound,
                UserText.Format(shallow ? ShallowWithout : UnknownRevision, UserText.Quote(against), UserText.Quote(root)), location);
        }

        return new GitBaseRevision(against, location, git, root, commit.Output);
    }

    /// <inheritdoc/>
    public override BaseModel Locate(string headModelPath)
    {
        var relative = RelativePath(headModelPath);
        if (!Exists(relative))
        {
            return new BaseModel(BaseModelStatus.New, null, relative);
        }

        var headFolder = Path.GetDirectoryName(Path.GetFullPath(headModelPath))!;
        var externals = ExternalFiles(headModelPath, relative, isBase: false);
        if (SameBlob(headModelPath, relative) && externals.All(e => SameBlob(Path.Combine(headFolder, e), Join(relative, e))))
        {
            return new BaseModel(BaseModelStatus.Unchanged, null, relative);
        }

        var baseModel = Extract(relative);
        var baseExternals = ExternalFiles(baseModel, relative, isBase: true);
        foreach (var file in baseExternals.Where(e => Exists(Join(relative, e))))
        {
            Extract(Join(relative, file));
        }

        var baseFolder = Path.GetDirectoryName(baseModel)!;
        var identical = SameBytes(headModelPath, baseModel)
            && externals.Order(StringComparer.Ordinal).SequenceEqual(baseExternals.Order(StringComparer.Ordinal), StringComparer.Ordinal)
            && externals.All(e => SameBytes(Path.Combine(headFolder, e), Path.Combine(baseFolder, e)));
        return identical ? new BaseModel(BaseModelStatus.Unchanged, null, relative) : new BaseModel(BaseModelStatus.Changed, baseModel, relative);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && extracted is not null && Directory.Exists(extracted))
        {
            Directory.Delete(extracted, recursive: true);
        }

        extracted = null;
        base.Dispose(disposing);
    }

    /// <summary>The path of a head file inside the repository, with forward slashes, as git names it.</summary>
    private string RelativePath(string headFile)
    {
        var full = Path.GetFullPath(headFile);
        var folder = Path.GetDirectoryName(full)!;
        // Asking git for the folder's prefix sees through symbolic links that a plain relative path would not.
        var prefix = Directory.Exists(folder) ? new GitCommand(folder, Location).Run("rev-parse", "--show-prefix") : null;
        var top = Directory.Exists(folder) ? new GitCommand(folder, Location).Run("rev-parse", "--show-toplevel") : null;
        if (prefix is not { Succeeded: true } || top?.Output != root)
        {
            throw new EfficiencyException(ErrorCodes.ModelOutsideRepository, UserText.Format(OutsideRoot, UserText.Quote(headFile), "the repository", UserText.Quote(root)), Location);
        }

        return prefix.Output + Path.GetFileName(full);
    }

    private bool Exists(string relative) => git.Run("cat-file", "-e", $"{Commit}:{relative}").Succeeded;

    /// <summary>Whether the head file's raw bytes are the base's blob (no extraction).</summary>
    private bool SameBlob(string headFile, string relative)
    {
        if (!File.Exists(headFile))
        {
            return false;
        }

        var head = git.Run("hash-object", "--no-filters", "--", Path.GetFullPath(headFile));
        var base_ = git.Run("rev-parse", "--verify", "--quiet", $"{Commit}:{relative}");
        return head.Succeeded && base_.Succeeded && head.Output == base_.Output;
    }

    /// <summary>Writes the base's file at <paramref name="relative"/> into the temporary tree; returns its path.</summary>
    private string Extract(string relative)
    {
        extracted ??= Directory.CreateTempSubdirectory("misnomer-base-").FullName;
        var target = Path.Combine(extracted, relative.Replace('/', Path.DirectorySeparatorChar));
        var full = Path.GetFullPath(target);
        if (!full.StartsWith(Path.GetFullPath(extracted) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new EfficiencyException(ErrorCodes.ModelOutsideRepository, UserText.Format(OutsideRoot, UserText.Quote(relative), "the repository", UserText.Quote(root)), Location);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        GitResult result;
        using (var file = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            result = git.Run(file, "cat-file", "--filters", $"{Commit}:{relative}");
        }

        if (!result.Succeeded)
        {
            throw new EfficiencyException(ErrorCodes.GitFailed, UserText.Format(ExtractFailed, UserText.Quote(relative), Describe, UserText.Quote(FirstLine(result.Error))), Location);
        }

        if (IsLfsPointer(full))
        {
            throw new EfficiencyException(ErrorCodes.LfsPointerAtBase, UserText.Format(LfsPointer, UserText.Quote(relative), Describe, UserText.Quote(Against)), Location);
        }

        return full;
    }

    /// <summary>Whether a file is a Git LFS pointer (a small text file naming the object) rather than its content.</summary>
    internal static bool IsLfsPointer(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > 1024)
        {
            return false;
        }

        var head = new byte[LfsSignature.Length];
        using var stream = info.OpenRead();
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && Encoding.ASCII.GetString(head) == LfsSignature;
    }

    private static string Join(string relativeModel, string relativeToModel)
    {
        var folder = relativeModel.Contains('/', StringComparison.Ordinal) ? relativeModel[..(relativeModel.LastIndexOf('/') + 1)] : string.Empty;
        return Normalize(folder + relativeToModel.Replace('\\', '/'));
    }

    /// <summary><c>a/b/../c</c> as <c>a/c</c>: git names paths without dot segments.</summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
