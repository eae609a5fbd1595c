import DeviceModels
import Foundation
import PortbenchSchema
import Workload
