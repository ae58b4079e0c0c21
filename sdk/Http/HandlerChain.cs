namespace GenomDE.Client.Http;

internal static class HandlerChain
{
    public static DelegatingHandler WithInner(this DelegatingHandler handler, HttpMessageHandler inner)
    {
        handler.InnerHandler = inner;
        return handler;
    }
}
