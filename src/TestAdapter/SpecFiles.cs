using EfficiencyMisnomer.Diagnostics;
using Microsoft.Extensions.FileSystemGlobbing;

namespace EfficiencyMisnomer.TestAdapter;

/// <summary>
/// Finds the spec files a pattern names. A relative pattern is tried from the start folder (the test assembly's
/// folder) and then from each folder above it, so <c>specs/**/*.yaml</c> finds the repository's or project's
/// <c>specs</c> folder from <c>bin/Debug/net10.0</c>; the nearest folder with a match wins. An absolute pattern is taken as is.
/// </summary>
public static class SpecFiles
{
    private const string NothingMatches = "no spec file matches '{0}' in '{1}' or any folder above it; check the pattern of [EfficiencySpecs] (relative patterns are searched upward from the test assembly's folder)";
    private const string NothingMatchesAbsolute = "no spec file matches '{0}'; check the pattern of [EfficiencySpecs]";
    private static readonly char[] Wildcards = { '*', '?', '[', '{' };

    /// <summary>The matching files, full paths in ordinal order, and the folder the pattern was resolved in; or why none.</summary>
    public static (IReadOnlyList<string> Files, string? Root, Diagnostic? Problem) Find(string pattern, string startFolder)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(startFolder);
        var normalized = pattern.Replace('\\', '/');
        if (Path.IsPathRooted(normalized))
        {
            var (root, remainder) = SplitLiteralPrefix(normalized);
            var files = Match(root, remainder);
            return files.Count > 0 ? (files, root, null) : (files, null, Problem(NothingMatchesAbsolute, pattern));
        }

        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var files = Match(folder.FullName, normalized);
            if (files.Count > 0)
            {
                return (files, folder.FullName, null);
            }
        }

        return (Array.Empty<string>(), null, Problem(NothingMatches, pattern, startFolder));
    }

    /// <summary>Splits an absolute pattern into the folder before its first wildcard and the pattern under it.</summary>
    private static (string Root, string Remainder) SplitLiteralPrefix(string pattern)
    {
        var segments = pattern.Split('/');
        var literal = 0;
        while (literal < segments.Length - 1 && segments[literal].IndexOfAny(Wildcards) < 0)
        {
            literal++;
        }

        var root = string.Join('/', segments.Take(literal));
        return (root.Length == 0 ? "/" : root + "/", string.Join('/', segments.Skip(literal)));
    }

    private static List<string> Match(string root, string pattern)
    {
        if (!Directory.Exists(root))
        {
            return new List<string>();
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        return matcher.GetResultsInFullPath(root).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static Diagnostic Problem(string template, params object[] args) =>
        Diagnostic.Error(ErrorCodes.SpecPatternMatchesNothing, UserText.Format(template, args));
}
