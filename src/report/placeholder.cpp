// placeholder until the report module lands
namespace adcov::report {}
