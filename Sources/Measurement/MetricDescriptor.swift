import Foundation
import PortbenchSchema

