// placeholder until the coverage module lands
namespace adcov::coverage {}
