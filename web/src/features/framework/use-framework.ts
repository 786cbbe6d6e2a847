import { useQuery } from '@tanstack/react-query';
import { getFramework, listFrameworks } from '../../api/framework.js';

export const frameworkKeys = {
  list: ['frameworks'] as const,
  one: (id: string) => ['frameworks', id] as const,
};

export function useFrameworkList() {
  return useQuery({ queryKey: frameworkKeys.list, queryFn: listFrameworks });
}

/** One version by id, or the current published one for `current`. */
export function useFramework(id: string) {
  return useQuery({ queryKey: frameworkKeys.one(id), queryFn: () => getFramework(id) });
}
