using System.CommandLine;
using EfficiencyMisnomer.Baselines;
using EfficiencyMisnomer.Files;
using EfficiencyMisnomer.Results;

namespace EfficiencyMisnomer.Cli;

/// <summary>
/// <c>misnomer baseline update RESULTS...</c>: records results documents into the baselines of their specs. The only
/// way besides <c>misnomer run --update-baseline</c> and the test parameter <c>efficiency.updateBaseline</c> that a
/// baseline is written.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var results = new Argument<string[]>("results")
        {
            Description = "Results files written by 'misnomer run --results', 'misnomer check --results' or the test adapter.",
            Arity = ArgumentArity.OneOrMore,
        };
        var update = new Command("update", "Record results into the baseline file of each spec they name (its regression.baseline); other entries are kept.") { results };
        update.SetAction(result =>
        {
            // Every document is read before anything is written: a bad file leaves every baseline as it was.
            var paths = result.GetValue(results)!;
            var documents = paths.Select(path => (Path: path, Document: ResultsJson.Read(path))).ToList();
            // A document's spec paths are read relative to the current folder; they must stay in its repository or the document's.
            var here = PathRoot.ForFolder(Directory.GetCurrentDirectory());
            foreach (var (path, document) in documents)
            {
                foreach (var diagnostic in BaselineRecorder.Record(document, specRoot: PathRoot.Union(here, PathRoot.ForFile(path))))
                {
                    (diagnostic.Severity == Diagnostics.DiagnosticSeverity.Info ? stdout : stderr).WriteLine(diagnostic.ToString());
                }
            }

            return MisnomerCli.Success;
        });

        return new Command("baseline", "Manage the baselines regression verdicts compare against.") { update };
    }
}
