using EfficiencyMisnomer.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Sessions;

/// <summary>Creates ONNX Runtime sessions with recorded settings; ONNX Runtime's refusals become coded exceptions.</summary>
public static class SessionFactory
{
    private static readonly System.Text.CompositeFormat CannotCreate = System.Text.CompositeFormat.Parse("ONNX Runtime cannot create a {0} session for '{1}': {2}");

    public static InferenceSession Create(string modelPath, ProviderSelection provider, SessionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(settings);
        if (provider.Failure is { } failure)
        {
            throw new EfficiencyException(failure.Code, failure.Message, failure.Location);
        }

        try
        {
            using var options = settings.ToOptions(provider);
            _ = OnnxRuntimeEnvironment.Instance; // ONNX Runtime logs through the product's logger from the first session on
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e) when (RuntimeFailure.IsOutOfMemory(e.Message))
        {
            throw RuntimeFailure.Of(e, modelPath, terminated: false);
        }
        catch (OnnxRuntimeException e)
        {
            var message = UserText.Format(CannotCreate, provider.Provider, modelPath, e.Message.Split('\n')[0].Trim());
            throw new EfficiencyException(ErrorCodes.SessionFailed, message, new SourceLocation(modelPath));
        }
    }
}
