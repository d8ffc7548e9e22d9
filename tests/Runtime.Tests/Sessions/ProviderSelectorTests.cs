using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Runtime.Sessions;

namespace EfficiencyMisnomer.Runtime.Tests.Sessions;

public sealed class ProviderSelectorTests
{
    private sealed class FakeProbe(CudaProbeResult result) : ICudaProbe
    {
        public CudaProbeResult Probe() => result;
    }

    [Test]
    public void Auto_takes_cuda_when_present_and_falls_back_to_cpu_with_the_reason()
    {
        var present = new ProviderSelector(new FakeProbe(CudaProbeResult.Present("device 0"))).Select(ProviderRequest.Auto);
        var absent = new ProviderSelector(new FakeProbe(CudaProbeResult.Absent("libcudart.so.13: missing"))).Select(ProviderRequest.Auto);
        Assert.Multiple(() =>
        {
            Assert.That(present.Provider, Is.EqualTo("cuda"));
            Assert.That(present.Succeeded, Is.True);
            Assert.That(absent.Provider, Is.EqualTo("cpu"));
            Assert.That(absent.Reason, Does.Contain("libcudart.so.13: missing"));
            Assert.That(absent.Succeeded, Is.True);
        });
    }

    [Test]
    public void Required_cuda_when_absent_is_a_coded_failure_not_an_exception()
    {
        var selection = new ProviderSelector(new FakeProbe(CudaProbeResult.Absent("no device"))).Select(ProviderRequest.Cuda);
        Assert.Multiple(() =>
        {
            Assert.That(selection.Succeeded, Is.False);
            Assert.That(selection.Failure!.Code, Is.EqualTo(ErrorCodes.CudaUnavailable));
            Assert.That(selection.Failure.Message, Does.StartWith("CUDA unavailable: no device"));
        });
    }

    [Test]
    public void Cpu_never_probes_cuda()
    {
        var selection = new ProviderSelector(new FakeProbe(CudaProbeResult.Present("unused"))).Select(ProviderRequest.Cpu);
        Assert.That(selection.Provider, Is.EqualTo("cpu"));
    }

    [Test]
    public void Real_cuda_request_on_a_machine_without_its_libraries_gives_the_loader_reason()
    {
        var probe = OnnxRuntimeCudaProbe.Instance.Probe();
        if (probe.Available)
        {
            Assert.Ignore("CUDA is usable on this machine.");
        }

        var selection = new ProviderSelector().Select(ProviderRequest.Cuda);
        Assert.Multiple(() =>
        {
            Assert.That(selection.Failure!.Code, Is.EqualTo(ErrorCodes.CudaUnavailable));
            Assert.That(selection.Failure.Message, Does.StartWith("CUDA unavailable: ").And.Contains(probe.Reason));
        });
    }
}
