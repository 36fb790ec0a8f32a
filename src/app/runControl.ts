/** Cancel for the page's simulation worker, loaded with it (the worker module is not in the page's entry). */
export function pageSimulatorCancel(): void {
  void import('../worker/pageSimulator').then(({ pageSimulator }) => pageSimulator?.cancel());
}
