using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;
using Microsoft.Build.Framework;

namespace EfficiencyMisnomer.Tasks;

/// <summary>
/// The template shared by the package's tasks: run the engine, log its diagnostics in MSBuild's canonical form, and
/// let no exception out: expected failures are coded errors, and a defect is one coded line (<c>EM9999</c>) instead of
/// MSBuild's MSB4018 stack trace. Every text logged is escaped, so that nothing read from a spec or model can start a
/// line of its own in the build log.
/// </summary>
public abstract class EfficiencyTask : Microsoft.Build.Utilities.Task
{
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (EfficiencyException e)
        {
            LogDiagnostic(e.Diagnostic);
        }
        catch (Exception e) when (FileFailure.Is(e))
        {
            LogError(ErrorCodes.TaskIoFailure, TaskMessages.IoFailure, e.Message);
        }
#pragma warning disable CA1031 // The task's contract with MSBuild: a result and coded errors, never an exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogError(ErrorCodes.InternalError, TaskMessages.InternalError, e.GetType().Name, e.Message);
        }

        return !Log.HasLoggedErrors;
    }

    protected abstract void ExecuteCore();

    protected void LogDiagnostic(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var location = diagnostic.Location;
        var file = location?.File is { } path ? UserText.Escape(path) : null;
        var line = location?.Line ?? 0;
        var column = location?.Column ?? 0;
        var message = UserText.Escape(diagnostic.Message);
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError(null, diagnostic.Code, null, file, line, column, 0, 0, "{0}", message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning(null, diagnostic.Code, null, file, line, column, 0, 0, "{0}", message);
                break;
            default:
                Log.LogMessage(null, diagnostic.Code, null, file, line, column, 0, 0, MessageImportance.Normal, "{0}", message);
                break;
        }
    }

    /// <summary>Logs a coded error without a location; every argument is escaped and bounded.</summary>
    protected void LogError(string code, string format, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Log.LogError(null, code, null, null, 0, 0, 0, 0, format, args.Select(a => (object)UserText.Quote(a, 1000)).ToArray());
    }

    /// <summary>Writes a file through the one writer: atomically, never through a link or device, its folder created.</summary>
    protected static void WriteAtomically(string path, Action<Stream> write) =>
        OutputFile.Write(path, FileRole.BuildOutput, write, createFolder: true);
}
