using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Sessions;

/// <summary>The real probe on a machine where CUDA cannot run: the reason names what is missing, in either flavour of ONNX Runtime.</summary>
public sealed class OnnxRuntimeCudaProbeTests
{
    [Test]
    public void A_provider_library_missing_from_the_application_is_named_in_the_reason()
    {
        // A self-contained deployment without the CUDA provider library: ONNX Runtime alone only says
        // "Failed to load shared library", which does not tell a user what to install.
        var empty = Directory.CreateTempSubdirectory("gpu-probe-");
        try
        {
            var result = new OnnxRuntimeCudaProbe(empty.FullName).Probe();
            if (result.Available)
            {
                Assert.Ignore("CUDA is usable on this machine.");
            }

            if (!CudaBuild)
            {
                Assert.That(result.Reason, Is.EqualTo("this ONNX Runtime build has no CUDA provider"));
                return;
            }

            var file = OperatingSystem.IsWindows() ? "onnxruntime_providers_cuda.dll" : "libonnxruntime_providers_cuda.so";
            Assert.That(result.Reason, Does.StartWith($"{file} not found next to the application ({empty.FullName}); ONNX Runtime: "));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    /// <summary>Whether the tests run on the CUDA build of ONNX Runtime (OnnxRuntimeFlavour=cuda), which lists the provider.</summary>
    private static bool CudaBuild => OnnxRuntimeEnvironment.Instance.GetAvailableProviders().Contains("CUDAExecutionProvider", StringComparer.Ordinal);
}
