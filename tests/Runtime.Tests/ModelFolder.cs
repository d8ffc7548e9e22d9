namespace EfficiencyMisnomer.Runtime.Tests;

/// <summary>Throw-away folders for specs and models of a test.</summary>
internal static class ModelFolder
{
    /// <summary>A new folder with a copy of the bundled tiny CNN at <c>models/tiny-cnn.onnx</c>; the caller deletes it.</summary>
    public static string WithTinyCnn()
    {
        var folder = Path.Combine(Path.GetTempPath(), "misnomer-runtime-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "models"));
        File.Copy(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"), Path.Combine(folder, "models", "tiny-cnn.onnx"));
        return folder;
    }
}
