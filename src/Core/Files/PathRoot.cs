using System.Text;
using EfficiencyMisnomer.Diagnostics;

namespace EfficiencyMisnomer.Files;

/// <summary>
/// The folder that paths written inside a file may name: a spec's model and baseline paths, a results document's spec
/// paths. It is the repository that holds the file's folder (the nearest folder at or above it with a <c>.git</c>
/// entry), or that folder itself outside a repository. Paths are compared by where they really lead, symbolic links
/// resolved, so neither <c>../../etc/x</c> nor a link inside the repository to a file outside it gets out. Paths the
/// user gives on the command line are not subject to it.
/// </summary>
public sealed class PathRoot
{
    private const int MaxLinks = 40;
    private static readonly CompositeFormat Outside = CompositeFormat.Parse(
        "{0} '{1}' leads outside '{2}', where the paths in a {3} may lead (the repository holding it, or its own folder outside a repository); move the file inside, or give it on the command line");

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private PathRoot(IReadOnlyList<string> folders) => Folders = folders;

    /// <summary>The folders, real paths (links resolved): usually one; a path inside any of them is inside.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The root for paths inside the file at <paramref name="filePath"/>: its folder's repository, or its folder.</summary>
    public static PathRoot ForFile(string filePath) =>
        ForFolder(Path.GetDirectoryName(Absolute(filePath)) ?? Path.GetPathRoot(Absolute(filePath))!);

    /// <summary>The root for paths read relative to <paramref name="folder"/>: its repository, or the folder itself.</summary>
    public static PathRoot ForFolder(string folder)
    {
        var real = RealPath(Absolute(folder));
        for (var candidate = new DirectoryInfo(real); candidate is not null; candidate = candidate.Parent)
        {
            var git = Path.Combine(candidate.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return new PathRoot(new[] { candidate.FullName });
            }
        }

        return new PathRoot(new[] { real });
    }

    /// <summary>A root whose folders are those of all <paramref name="roots"/>.</summary>
    public static PathRoot Union(params PathRoot[] roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        return new PathRoot(roots.SelectMany(r => r.Folders).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Whether <paramref name="path"/> (absolute, or relative to the current folder) really leads inside the root.</summary>
    public bool Contains(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        string real;
        try
        {
            real = RealPath(Absolute(path));
        }
        catch (Exception e) when (FileFailure.Is(e) || e is ArgumentException)
        {
            return false;
        }

        return Folders.Any(folder => string.Equals(real, folder, PathComparison)
            || real.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, PathComparison));
    }

    /// <summary>
    /// Refuses <paramref name="path"/> (<see cref="ErrorCodes.PathOutsideRoot"/>) unless it leads inside the root.
    /// </summary>
    /// <param name="path">The path, resolved against the file's folder.</param>
    /// <param name="written">The path as the file writes it, for the message.</param>
    /// <param name="what">What it is: "the path of model 'x'", "spec path".</param>
    /// <param name="container">The kind of file that holds it: "spec", "results document".</param>
    /// <param name="location">Where it is written.</param>
    public void Require(string path, string written, string what, string container, SourceLocation? location)
    {
        if (!Contains(path))
        {
            throw new EfficiencyException(ErrorCodes.PathOutsideRoot, Message(written, what, container), location);
        }
    }

    /// <summary>The message of a path that leaves the root.</summary>
    public string Message(string written, string what, string container) =>
        UserText.Format(Outside, what, UserText.Quote(written), string.Join("' or '", Folders.Select(f => UserText.Quote(f))), container);

    /// <summary>The path made absolute without resolving <c>..</c>: that is left to <see cref="RealPath"/>, after the links before it.</summary>
    private static string Absolute(string path) =>
        Path.IsPathFullyQualified(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);

    /// <summary>
    /// Where <paramref name="fullPath"/> really leads: each symbolic link on it replaced by its target, <c>..</c> taken
    /// after the link before it is resolved (as the operating system does). Components that do not exist are kept as written.
    /// </summary>
    internal static string RealPath(string fullPath, int links = 0)
    {
        var root = Path.GetPathRoot(fullPath);
        if (string.IsNullOrEmpty(root))
        {
            return fullPath;
        }

        var current = root;
        var parts = fullPath[root.Length..].Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        foreach (var part in parts)
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"too many levels of symbolic links: '{fullPath}'");
                }

                next = RealPath(Path.IsPathFullyQualified(target) ? target : Path.Combine(current, target), links);
            }

            current = next;
        }

        return current;
    }
}
