using System.CommandLine;

namespace EfficiencyMisnomer.Cli;

/// <summary><c>--against REF</c>: the base revision (or checkout folder) to compare with, over each spec's own <c>regression.against</c>.</summary>
internal static class AgainstOption
{
    public static Option<string?> Create() => new("--against")
    {
        Description = "Compare with this base: a git revision of the spec's repository (origin/main, a tag, a commit) or a folder holding a checkout of it; "
            + "wins over the spec's regression.against; 'none' compares with the stored baseline instead.",
    };
}
