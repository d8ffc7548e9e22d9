using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Specs;

namespace EfficiencyMisnomer.Revisions;

/// <summary>
/// The base revisions of one run, opened once per repository and revision and shared by every spec and front end that
/// compares against them; disposing removes every extracted file. What <c>against</c> names is a folder when such a
/// folder exists (relative to the spec's folder for a spec's key, to the current folder for a command-line value),
/// otherwise a git revision of the repository holding the spec.
/// </summary>
public sealed class BaseRevisions : IDisposable
{
    /// <summary>The value that turns a spec's <c>against</c> off from the command line, the build or the tests.</summary>
    public const string None = "none";

    private readonly Dictionary<(string Where, string Against), BaseRevision> opened = new();
    private readonly Dictionary<(string Where, string Against), EfficiencyException> failed = new();

    /// <summary>
    /// <c>against</c> given by the user over every spec's own (<see cref="None"/> turns it off); null leaves each spec's.
    /// </summary>
    public string? Override { get; init; }

    /// <summary>The revision <paramref name="spec"/> is compared against, or null when it compares against none; bad revisions throw coded errors.</summary>
    public BaseRevision? For(Spec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var specFolder = Path.GetDirectoryName(Path.GetFullPath(spec.Path)) ?? ".";
        var (against, location, relativeTo) = Override is { } value
            ? (value, new SourceLocation("command line: --against"), Directory.GetCurrentDirectory())
            : spec.Regression?.Against is { } declared ? (declared.Value, declared.Location, specFolder) : (null, null, null);
        if (against is null || against == None)
        {
            return null;
        }

        var folder = Path.Combine(relativeTo!, against);
        var isFolder = Directory.Exists(folder);
        if (isFolder && Override is null)
        {
            // A spec names files inside its repository only; a checkout elsewhere is named on the command line.
            Files.PathRoot.ForFile(spec.Path).Require(folder, against, "the base checkout named by 'against'", "spec", location);
        }

        var key = (isFolder ? Path.GetFullPath(folder) + "|" + specFolder : specFolder, against);
        if (opened.TryGetValue(key, out var known))
        {
            return known;
        }

        if (failed.TryGetValue(key, out var error))
        {
            throw error;
        }

        try
        {
            BaseRevision revision = isFolder
                ? FolderBaseRevision.Open(folder, specFolder, against, location!)
                : GitBaseRevision.Open(specFolder, against, location!);
            opened[key] = revision;
            return revision;
        }
        catch (EfficiencyException e)
        {
            failed[key] = e;
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var revision in opened.Values)
        {
            revision.Dispose();
        }

        opened.Clear();
    }
}
