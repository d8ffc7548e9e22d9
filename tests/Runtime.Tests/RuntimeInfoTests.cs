using EfficiencyMisnomer.Runtime.Sessions;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyMisnomer.Runtime.Tests;

public sealed class RuntimeInfoTests
{
    [Test]
    public void The_cpu_provider_of_the_package_runs_the_bundled_sample()
    {
        using var session = new InferenceSession(Path.Combine(RepositoryRoot.Path, "specs", "models", "tiny-cnn.onnx"));
        using var input = OrtValue.CreateTensorValueFromMemory(new float[3 * 32 * 32], new long[] { 1, 3, 32, 32 });
        using var options = new RunOptions();
        using var results = session.Run(options, new[] { "image" }, new[] { input }, new[] { "logits" });

        Assert.Multiple(() =>
        {
            Assert.That(results[0].GetTensorTypeAndShape().Shape, Is.EqualTo(new long[] { 1, 10 }));
            Assert.That(RuntimeInfo.OnnxRuntimeVersion, Does.StartWith("1.31"));
        });
    }
}
