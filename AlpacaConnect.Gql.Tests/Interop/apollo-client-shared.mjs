// Shared by the Apollo Client interop scripts: a fetch that records what went over the wire, for the test to check.
export function recordingFetch(requests) {
  return async (url, init = {}) => {
    const response = await fetch(url, init);
    const body = await response.clone().text();
    const sent = init.body ? JSON.parse(init.body) : Object.fromEntries(new URL(url).searchParams);
    const extensions = typeof sent.extensions === 'string' ? JSON.parse(sent.extensions) : sent.extensions;
    requests.push({
      method: init.method ?? 'GET',
      operationName: sent.operationName ?? null,
      sentQuery: typeof sent.query === 'string' && sent.query.length > 0,
      hash: extensions?.persistedQuery?.sha256Hash ?? null,
      status: response.status,
      body,
    });
    return response;
  };
}

// What Apollo Client reports for one operation, shaped like a GraphQL response.
// A refusal with a 4xx status reaches Apollo Client as a ServerError holding the body the server sent.
export function outcome(result) {
  if (typeof result.error?.bodyText === 'string') {
    try {
      const body = JSON.parse(result.error.bodyText);
      if (Array.isArray(body.errors)) {
        return { data: null, errors: body.errors, status: result.error.statusCode };
      }
    } catch { /* not JSON: reported as a message below */ }
  }

  const errors = result.error?.errors ?? (result.error ? [{ message: String(result.error.message ?? result.error) }] : undefined);
  return { data: result.data ?? null, ...(errors ? { errors } : {}) };
}
