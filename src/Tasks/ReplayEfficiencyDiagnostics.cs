using EfficiencyMisnomer.Exporters;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Tasks;

/// <summary>
/// Logs again the diagnostics of the last gate run, when the build skips the gate because nothing it read changed: a
/// warning stays in every build's log until it is fixed, as the compiler's do.
/// </summary>
public sealed class ReplayEfficiencyDiagnostics : EfficiencyTask
{
    /// <summary>The replay file the last run wrote; nothing is logged when it does not exist.</summary>
    public string File { get; set; } = string.Empty;

    protected override void ExecuteCore()
    {
        if (string.IsNullOrEmpty(File) || InputFile.ReadAllTextIfExists(File, FileRole.BuildOutput) is not { } text)
        {
            return;
        }

        foreach (var diagnostic in DiagnosticReplay.Read(text))
        {
            LogDiagnostic(diagnostic);
        }
    }
}
