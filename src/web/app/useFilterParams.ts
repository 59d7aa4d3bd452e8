import { useSearchParams } from 'react-router';

/** The page's URL query as filters: read with `params`, change one with `set` (empty removes it). */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  /** Whether any filter is set (`view` and other page states given in `except` are no filters). */
  const filtered = (except: readonly string[] = ['view']) =>
    [...params.keys()].some((key) => !except.includes(key));
  return { params, set, filtered };
}
