using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Graph;

namespace EfficiencyMisnomer.Revisions;

/// <summary>
/// The base side of a comparison against a revision: a git revision of the repository holding the spec, or a folder
/// holding a checkout of it. It finds each head model's counterpart, says whether the two are byte-identical, and
/// makes the base's files (with their external data) available as files. Disposing removes what it extracted.
/// </summary>
public abstract class BaseRevision : IDisposable
{
    protected const string OutsideRoot = "model file '{0}' is outside {1} '{2}', so it has no counterpart at the base; keep the models inside the repository, or check the base out into a folder with the same layout";
    protected const string BaseUnloadable = "the base's copy of '{0}' at {1} cannot be read: {2}: {3}";

    protected BaseRevision(string against, SourceLocation location)
    {
        Against = against;
        Location = location;
    }

    /// <summary>The revision or folder as the user named it.</summary>
    public string Against { get; }

    /// <summary>Where the user named it: the spec's <c>against</c> key, or the command line.</summary>
    public SourceLocation Location { get; }

    /// <summary>The base's full commit id; null for a folder that is not itself a git checkout.</summary>
    public abstract string? Commit { get; }

    /// <summary><c>git</c> or <c>folder</c>.</summary>
    public abstract string Source { get; }

    /// <summary>A short name for messages: <c>origin/main (3f2a1b4c)</c> or <c>folder ../base</c>.</summary>
    public abstract string Describe { get; }

    /// <summary>The commit the head's working tree is on; null outside a git repository (or without git).</summary>
    public abstract string? HeadCommit { get; }

    /// <summary>The counterpart of the head model at <paramref name="headModelPath"/>, its external data included.</summary>
    public abstract BaseModel Locate(string headModelPath);

    /// <summary>
    /// Where a checkout of the base holds the counterpart of the head's <paramref name="headPath"/>: BenchmarkDotNet
    /// results (a file, folder or pattern), or the benchmark project that writes them; or why there is none: results are
    /// outputs of a run, present only in a folder where the base was built and run, never in a git revision (the reason
    /// says so; it is shown for results only).
    /// </summary>
    public virtual (string? Path, string? Unavailable) LocateInCheckout(string headPath) =>
        (null, $"{Describe} is a git revision, which holds no BenchmarkDotNet results (they are outputs of a run); run the benchmarks in a checkout of the base as well and name that folder in 'against'");

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>The external data files a model file names, relative to its folder; the base's copy that cannot be read is a coded error.</summary>
    protected IReadOnlyList<string> ExternalFiles(string modelPath, string modelName, bool isBase)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
            return OnnxModel.Load(modelPath).ReferencedExternalDataFiles.Select(f => Path.GetRelativePath(folder, f)).ToList();
        }
        catch (EfficiencyException e) when (isBase)
        {
            throw new EfficiencyException(ErrorCodes.BaseModelUnreadable, UserText.Format(BaseUnloadable, UserText.Quote(modelName), Describe, e.Code, e.Message.TrimEnd('.')), Location);
        }
        catch (EfficiencyException)
        {
            // The head's own load reports its errors elsewhere; here the model file alone is compared.
            return Array.Empty<string>();
        }
    }

    /// <summary>Whether two files hold the same bytes.</summary>
    protected static bool SameBytes(string first, string second)
    {
        var a = new FileInfo(first);
        var b = new FileInfo(second);
        if (!a.Exists || !b.Exists || a.Length != b.Length)
        {
            return false;
        }

        const int Chunk = 1 << 16;
        using var left = a.OpenRead();
        using var right = b.OpenRead();
        var x = new byte[Chunk];
        var y = new byte[Chunk];
        while (true)
        {
            var read = left.ReadAtLeast(x, Chunk, throwOnEndOfStream: false);
            if (right.ReadAtLeast(y, Chunk, throwOnEndOfStream: false) != read || !x.AsSpan(0, read).SequenceEqual(y.AsSpan(0, read)))
            {
                return false;
            }

            if (read < Chunk)
            {
                return true;
            }
        }
    }

}
